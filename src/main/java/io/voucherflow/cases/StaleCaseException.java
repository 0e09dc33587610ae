package io.voucherflow.cases;

/**
 * A step's read went stale before its write: another step (or a retry of this one) moved the case
 * first. Never reaches a client: the engine reads the case again.
 */
public final class StaleCaseException extends RuntimeException {

  public StaleCaseException(String message) {
    super(message, null, false, false);
  }
}
