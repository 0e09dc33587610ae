package io.voucherflow.dispatch;

import java.time.Instant;

/**
 * What the complete script found: the lease was the keyer's and the task is now done (with the
 * lease's deadline), or why not.
 */
public record CompletionResult(Outcome outcome, Instant leaseUntil) {

  /** How a completion went. */
  public enum Outcome {
    OK,
    ALREADY_COMPLETED,
    LEASE_EXPIRED,
    UNKNOWN
  }

  public boolean ok() {
    return outcome == Outcome.OK;
  }

  public static CompletionResult of(String script) {
    if (script.startsWith("ok:")) {
      return new CompletionResult(
          Outcome.OK, Instant.ofEpochMilli(Long.parseLong(script.substring(3))));
    }
    Outcome o =
        switch (script) {
          case "already-completed" -> Outcome.ALREADY_COMPLETED;
          case "lease-expired" -> Outcome.LEASE_EXPIRED;
          default -> Outcome.UNKNOWN;
        };
    return new CompletionResult(o, null);
  }
}
