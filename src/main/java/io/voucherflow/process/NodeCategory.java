package io.voucherflow.process;

/** What does a node's work: the platform, a person at a post, the process itself, or nobody. */
public enum NodeCategory {
  /** Done by the platform (a pipeline stage, a rule, a call to the core system). */
  AUTOMATIC,
  /** A task for a person at a post (岗位), within a time limit. */
  HUMAN,
  /** Routing only: decision, fork, join, call of a sub-process. */
  CONTROL,
  /** Ends the (sub-)process. */
  END
}
