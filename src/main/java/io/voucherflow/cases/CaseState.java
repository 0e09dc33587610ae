package io.voucherflow.cases;

/** Where a case is as a whole. */
public enum CaseState {
  /** Tokens are moving through the process, or wait at human nodes. */
  RUNNING,
  /** The business process reached its {@code done} node. */
  DONE,
  /** A {@code returned_to_branch} node was reached: back to the branch for correction (退回补正). */
  RETURNED_TO_BRANCH,
  /** No process is bound to the voucher's business type; the sweep tries again. */
  NO_PROCESS
}
