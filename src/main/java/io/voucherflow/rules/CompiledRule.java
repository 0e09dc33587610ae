package io.voucherflow.rules;

import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Pattern;

/** A rule compiled once by {@link RuleCompiler}; immutable, evaluated from many threads. */
public final class CompiledRule {

  private static final Pattern CEL_LOCATION =
      Pattern.compile("^evaluation error at <input>:\\d+: ");

  private final String expression;
  private final RuleKind kind;
  private final CelRuntime.Program program;
  private final SortedSet<String> factsRead;
  private final String[] required;

  CompiledRule(
      String expression, RuleKind kind, CelRuntime.Program program, Set<String> factsRead) {
    this.expression = expression;
    this.kind = kind;
    this.program = program;
    this.factsRead = Collections.unmodifiableSortedSet(new TreeSet<>(factsRead));
    this.required = FactReferences.variables(factsRead).toArray(String[]::new);
  }

  public String expression() {
    return expression;
  }

  public RuleKind kind() {
    return kind;
  }

  /**
   * The declared facts the expression reads (sorted), a map fact at a constant key as {@code
   * fields.amount_words}.
   */
  public SortedSet<String> factsRead() {
    return factsRead;
  }

  /**
   * The rule's value for {@code facts}: Boolean, Long, Double or String as the kind allows.
   *
   * @param facts keyed by dotted fact name, values in the types {@link RuleFacts#of} produces;
   *     every fact the rule reads must be present (a missing one is an error, not a default),
   *     others are ignored
   * @throws RuleEvaluationException when no value can be given; on the process path the caller
   *     records it and uses {@link RuleKind#failSafeValue()} instead (a guard that errors is false,
   *     a threshold that errors demands the authorisation or call)
   */
  public Object evaluate(Map<String, ?> facts) {
    for (String name : required) {
      if (!facts.containsKey(name)) {
        throw new RuleEvaluationException("the fact " + name + " was not supplied", null);
      }
    }
    Object value;
    try {
      // A resolver reads the caller's map in place; eval(Map) would copy every fact into a new
      // activation on each evaluation, most of the cost of a small rule.
      value = program.eval(name -> Optional.ofNullable(facts.get(name)));
    } catch (CelEvaluationException e) {
      throw new RuleEvaluationException(reason(e), e);
    }
    String refusal = kind.refusal(value);
    if (refusal != null) {
      throw new RuleEvaluationException(refusal, null);
    }
    return value;
  }

  /** Our functions' own message when one refused its argument, else CEL's without its offset. */
  private static String reason(CelEvaluationException e) {
    if (e.getCause() instanceof IllegalNotationException notation) {
      return notation.getMessage();
    }
    return CEL_LOCATION.matcher(String.valueOf(e.getMessage())).replaceFirst("");
  }

  @Override
  public String toString() {
    return kind + ": " + expression;
  }
}
