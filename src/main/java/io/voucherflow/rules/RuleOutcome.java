package io.voucherflow.rules;

/**
 * What a rule decided for one case: its value, or, when it could not give one, its kind's fail-safe
 * value and why.
 *
 * @param version the rule version that decided; 0 when no version of the rule is active
 * @param failure why the fail-safe value was used; null when the rule gave the value
 */
public record RuleOutcome(String code, int version, Object value, String failure) {

  public boolean failedSafe() {
    return failure != null;
  }
}
