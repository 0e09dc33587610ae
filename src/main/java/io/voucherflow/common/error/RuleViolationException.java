package io.voucherflow.common.error;

import java.util.List;

/** The request is well-formed but a business rule refuses it in the current state (HTTP 409). */
public final class RuleViolationException extends VoucherFlowException {

  public RuleViolationException(String code, String detail) {
    super(code, detail, List.of(), null);
  }
}
