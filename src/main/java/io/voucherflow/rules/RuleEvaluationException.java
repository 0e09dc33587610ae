package io.voucherflow.rules;

import io.voucherflow.common.error.FieldError;
import io.voucherflow.common.error.InvalidInputException;
import java.util.List;

/**
 * A compiled rule could not give a value for the facts it was given.
 *
 * <p>A fact missing, a function refusing its argument (amountFromWords on text that is no legal
 * amount), a map key absent, an overflow.
 *
 * <p>Not a {@code VoucherFlowException} on purpose: on the process path it is not the client's
 * error; the caller records it and acts on {@link RuleKind#failSafeValue()}. Only a dry-run turns
 * it into a problem for the client, with {@link #toInvalidInput()}.
 */
public final class RuleEvaluationException extends RuntimeException {

  /** Stable problem code. */
  public static final String CODE = "rules.evaluation.failed";

  RuleEvaluationException(String message, Throwable cause) {
    super(message, cause);
  }

  public String code() {
    return CODE;
  }

  /** The failure as a 400 problem about the submitted facts (for dry-runs). */
  public InvalidInputException toInvalidInput() {
    return new InvalidInputException(
        CODE, getMessage(), List.of(new FieldError("facts", getMessage())));
  }
}
