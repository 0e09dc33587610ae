package io.voucherflow.cases.service;

import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.rules.CompiledRule;
import io.voucherflow.rules.RuleCompiler;
import io.voucherflow.rules.RuleEvaluationException;
import io.voucherflow.rules.RuleKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The rules written inside process versions (decision rules, transition guards), compiled once per
 * expression and evaluated fail-safe: a rule that cannot give a value gives its kind's fail-safe
 * value, and history says why.
 */
@ApplicationScoped
public class InlineRules {

  /** A rule's value for one case, the facts it read, and why it fell back, if it did. */
  public record Evaluated(Object value, Map<String, Object> facts, String failure) {}

  private final RuleCompiler compiler;
  private final Map<String, CompiledRule> compiled = new ConcurrentHashMap<>();

  @Inject
  public InlineRules(RuleCompiler compiler) {
    this.compiler = compiler;
  }

  public Evaluated evaluate(String expression, RuleKind kind, Map<String, Object> facts) {
    CompiledRule rule;
    try {
      rule =
          compiled.computeIfAbsent(
              kind + "\u0000" + expression, k -> compiler.compile(expression, kind));
    } catch (InvalidInputException e) {
      // Validated when the version was saved; only a change of the language gets here.
      return new Evaluated(kind.failSafeValue(), Map.of(), e.getMessage());
    }
    Map<String, Object> read = read(rule, facts);
    try {
      return new Evaluated(rule.evaluate(facts), read, null);
    } catch (RuleEvaluationException e) {
      return new Evaluated(kind.failSafeValue(), read, e.getMessage());
    }
  }

  /** The facts a rule read, for history: a map fact at a constant key as that one entry. */
  static Map<String, Object> read(CompiledRule rule, Map<String, Object> facts) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (String name : rule.factsRead()) {
      if (facts.containsKey(name)) {
        out.put(name, facts.get(name));
        continue;
      }
      int dot = name.lastIndexOf('.');
      if (dot > 0 && facts.get(name.substring(0, dot)) instanceof Map<?, ?> map) {
        Object value = map.get(name.substring(dot + 1));
        out.put(name, value);
      }
    }
    return out;
  }
}
