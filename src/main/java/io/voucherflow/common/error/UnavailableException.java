package io.voucherflow.common.error;

import java.util.List;

/**
 * A component the request needs (database, Redis, identity provider…) is unavailable (HTTP 503).
 */
public final class UnavailableException extends VoucherFlowException {

  public UnavailableException(String code, String detail, Throwable cause) {
    super(code, detail, List.of(), cause);
  }
}
