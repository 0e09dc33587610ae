package io.voucherflow.common.error;

import java.util.List;

/**
 * Base of every error VoucherFlow reports to a client: a stable {@code code} such as {@code
 * staff.sign-out.tasks-held} that clients and operators can rely on, and a human-readable detail.
 */
public abstract sealed class VoucherFlowException extends RuntimeException
    permits NotFoundException, RuleViolationException, InvalidInputException, UnavailableException {

  private final String code;
  private final List<FieldError> fieldErrors;

  protected VoucherFlowException(
      String code, String detail, List<FieldError> fieldErrors, Throwable cause) {
    super(detail, cause);
    this.code = code;
    this.fieldErrors = List.copyOf(fieldErrors);
  }

  /** The stable, dotted error code (feature.subject.reason). */
  public String code() {
    return code;
  }

  /** The fields the error concerns; empty when it is not about input fields. */
  public List<FieldError> fieldErrors() {
    return fieldErrors;
  }
}
