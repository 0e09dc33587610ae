package io.voucherflow.dispatch;

/**
 * What the complete script found: the lease was the keyer's and the task is now done, or why not.
 */
public enum CompletionResult {
  OK,
  ALREADY_COMPLETED,
  LEASE_EXPIRED,
  UNKNOWN;

  public static CompletionResult of(String script) {
    return switch (script) {
      case "ok" -> OK;
      case "already-completed" -> ALREADY_COMPLETED;
      case "lease-expired" -> LEASE_EXPIRED;
      default -> UNKNOWN;
    };
  }
}
