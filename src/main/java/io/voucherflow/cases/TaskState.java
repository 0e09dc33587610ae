package io.voucherflow.cases;

/** Where a human task is. */
public enum TaskState {
  OPEN,
  CLAIMED,
  DONE,
  /** The case ended (returned to the branch) while the task was open. */
  WITHDRAWN
}
