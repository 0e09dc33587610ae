package io.voucherflow.common.error;

import java.util.List;

/** The request carries input that cannot be accepted; names the offending fields (HTTP 400). */
public final class InvalidInputException extends VoucherFlowException {

  public InvalidInputException(String code, String detail, List<FieldError> fieldErrors) {
    super(code, detail, fieldErrors, null);
  }

  public static InvalidInputException ofField(String code, String field, String message) {
    return new InvalidInputException(code, message, List.of(new FieldError(field, message)));
  }
}
