package io.voucherflow.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.voucherflow.rules.RuleKind;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The rule a {@code decision} node evaluates; its value is the node's outcome, so transitions pick
 * it with {@code on} ({@code auto}/{@code manual}/{@code both} for a seal-check mode, {@code
 * "true"}/{@code "false"} for a threshold). The rule is either written here ({@code expression}) or
 * names a managed rule ({@code code}, see {@code /api/rules}): then the version in force when the
 * case reaches the node decides, so an analyst's change re-routes new cases on every node without a
 * new process version. When the rule cannot be evaluated (or a named rule is not in force), the
 * engine goes on with the kind's fail-safe value ({@link RuleKind#failSafeValue()}: call,
 * authorise, check both).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NodeRule(String kind, String expression, String code) {

  /** A rule written in the process. */
  public NodeRule(String kind, String expression) {
    this(kind, expression, null);
  }

  private static final List<String> BOOLEAN = List.of("true", "false");

  /** The rule kinds a decision may use, with the outcomes each gives. */
  public static final Map<RuleKind, List<String>> OUTCOMES =
      Map.of(
          RuleKind.SEAL_CHECK_MODE, List.of("auto", "manual", "both"),
          RuleKind.AUTHORISATION_THRESHOLD, BOOLEAN,
          RuleKind.PHONE_VERIFICATION_THRESHOLD, BOOLEAN,
          RuleKind.DATA_CHECK, BOOLEAN);

  /** The rule kind, when it is one a decision may use. */
  public Optional<RuleKind> ruleKind() {
    return OUTCOMES.keySet().stream().filter(k -> k.name().equals(kind)).findFirst();
  }
}
