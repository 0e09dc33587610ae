package io.voucherflow.rules;

import dev.cel.common.types.CelKind;
import dev.cel.common.types.CelType;
import java.util.Set;

/**
 * What a rule decides, its result type, and the value to act on when it cannot be evaluated.
 *
 * <p>Fail safe means more scrutiny, never less: a failed threshold demands the authorisation or
 * call, a failed data check or guard does not pass, a failed seal-mode rule checks both ways.
 */
public enum RuleKind {
  /** Whether the process may take a transition; when it fails, the transition is not taken. */
  TRANSITION_GUARD("bool", Boolean.FALSE, CelKind.BOOL),
  /** Urgency of a task (higher first); when it fails, the default priority 0. */
  PRIORITY_SCORE("int or double", 0L, CelKind.INT, CelKind.DOUBLE),
  /** A data check (数据检核) that passes when true; when it fails, the check fails. */
  DATA_CHECK("bool", Boolean.FALSE, CelKind.BOOL),
  /** Whether centralized authorisation is needed; when it fails, it is needed. */
  AUTHORISATION_THRESHOLD("bool", Boolean.TRUE, CelKind.BOOL),
  /** Whether a large-amount phone verification is needed; when it fails, it is needed. */
  PHONE_VERIFICATION_THRESHOLD("bool", Boolean.TRUE, CelKind.BOOL),
  /** How to verify the seal: "auto", "manual" or "both"; when it fails, "both". */
  SEAL_CHECK_MODE("string (auto, manual or both)", "both", CelKind.STRING),
  /** A risk warning: true or a non-empty message warns; when it fails, it warns. */
  RISK_WARNING("bool or string", Boolean.TRUE, CelKind.BOOL, CelKind.STRING);

  private static final Set<String> SEAL_MODES = Set.of("auto", "manual", "both");

  private final String resultType;
  private final Object failSafeValue;
  private final Set<CelKind> resultKinds;

  RuleKind(String resultType, Object failSafeValue, CelKind... resultKinds) {
    this.resultType = resultType;
    this.failSafeValue = failSafeValue;
    this.resultKinds = Set.of(resultKinds);
  }

  /** The result type a rule of this kind must have, as told to its author. */
  public String resultType() {
    return resultType;
  }

  /**
   * The value to act on when a rule of this kind fails to evaluate ({@link
   * RuleEvaluationException}); the caller records the failure and goes on with this value.
   */
  public Object failSafeValue() {
    return failSafeValue;
  }

  boolean accepts(CelType type) {
    return resultKinds.contains(type.kind());
  }

  /** Why {@code value} cannot be a result of this kind, or null when it can. */
  String refusal(Object value) {
    if (this == SEAL_CHECK_MODE && !SEAL_MODES.contains(value)) {
      return "a seal check mode must be auto, manual or both, not '" + value + "'";
    }
    return null;
  }
}
