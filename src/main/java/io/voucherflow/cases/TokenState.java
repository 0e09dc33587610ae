package io.voucherflow.cases;

/** What a case token is doing at its node. */
public enum TokenState {
  /** The node's work is still to be done by the engine. */
  ACTIVE,
  /** A human node's task is open; the task's completion moves the token on. */
  WAITING,
  /** Arrived at a join; waits for the other branches of its fork. */
  JOINING,
  /** Gone: past a fork or join, or the case ended. */
  ENDED
}
