package io.voucherflow.common.error;

import java.util.List;

/** The addressed resource does not exist (or is outside the caller's organisation scope). */
public final class NotFoundException extends VoucherFlowException {

  public NotFoundException(String code, String detail) {
    super(code, detail, List.of(), null);
  }
}
