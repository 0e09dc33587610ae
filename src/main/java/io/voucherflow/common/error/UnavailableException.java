package io.voucherflow.common.error;

import java.util.List;

/**
 * A component the request needs (database, Redis, identity provider…) is unavailable (HTTP 503).
 */
public final class UnavailableException extends VoucherFlowException {

  private final Integer retryAfterSeconds;

  public UnavailableException(String code, String detail, Throwable cause) {
    this(code, detail, cause, null);
  }

  /** Unavailable for now: the client should retry after the given number of seconds. */
  public UnavailableException(
      String code, String detail, Throwable cause, Integer retryAfterSeconds) {
    super(code, detail, List.of(), cause);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  /** Seconds after which a retry may succeed, or null when unknown. */
  public Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
