package io.voucherflow.rules.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.rules.CompiledRule;
import io.voucherflow.rules.RuleCheck;
import io.voucherflow.rules.RuleCompiler;
import io.voucherflow.rules.RuleDryRun;
import io.voucherflow.rules.RuleDryRunResult;
import io.voucherflow.rules.RuleEvaluationException;
import io.voucherflow.rules.RuleFacts;
import io.voucherflow.rules.RuleIssue;
import io.voucherflow.rules.RuleKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Checks expressions and runs rules against given or stored facts, changing nothing. */
@ApplicationScoped
public class RuleDryRunService {

  /** Problem code of a dry run that does not say which one rule to run. */
  public static final String INVALID = "rules.dry-run.invalid";

  /**
   * Without a kind an expression may give any result a kind allows; tried in this order, so the
   * kind reported is the first whose result type fits.
   */
  private static final List<RuleKind> ANY_KIND =
      List.of(RuleKind.DATA_CHECK, RuleKind.PRIORITY_SCORE, RuleKind.RISK_WARNING);

  private final RuleCompiler compiler;
  private final RuleQueryService queries;
  private final VoucherFactsService voucherFacts;

  @Inject
  public RuleDryRunService(
      RuleCompiler compiler, RuleQueryService queries, VoucherFactsService voucherFacts) {
    this.compiler = compiler;
    this.queries = queries;
    this.voucherFacts = voucherFacts;
  }

  /** Whether the expression compiles as a rule of {@code kind} (any kind when null). */
  public RuleCheck check(String expression, RuleKind kind) {
    List<RuleIssue> firstIssues = null;
    for (RuleKind k : kind != null ? List.of(kind) : ANY_KIND) {
      List<RuleIssue> issues = compiler.check(expression, k);
      if (issues.isEmpty()) {
        CompiledRule rule = compiler.compile(expression, k);
        return new RuleCheck(true, k, List.of(), List.copyOf(rule.factsRead()));
      }
      firstIssues = firstIssues == null ? issues : firstIssues;
    }
    return new RuleCheck(false, kind, firstIssues, null);
  }

  public Uni<RuleDryRunResult> run(RuleDryRun request) {
    long sources =
        Stream.of(request.expression(), request.ruleCode(), request.ruleId())
            .filter(s -> s != null)
            .count();
    if (sources != 1) {
      throw InvalidInputException.ofField(
          INVALID, "expression", "give exactly one of expression, ruleCode and ruleId");
    }
    return facts(request)
        .chain(
            facts -> {
              if (request.expression() != null) {
                CompiledRule rule = compile(request.expression(), request.kind());
                return Uni.createFrom().item(result(rule, facts, null, null));
              }
              return queries
                  .version(request.ruleCode(), request.ruleId(), request.version())
                  .map(
                      saved ->
                          result(
                              compiler.compile(saved.version().expression, saved.rule().kind),
                              facts,
                              saved.rule().code,
                              saved.version().version));
            });
  }

  /** The voucher's facts (if one is named) overridden by those given, validated. */
  private Uni<Map<String, Object>> facts(RuleDryRun request) {
    Map<String, Object> given = RuleFacts.of(request.facts() == null ? Map.of() : request.facts());
    if (request.voucherId() == null) {
      return Uni.createFrom().item(given);
    }
    return voucherFacts
        .of(request.voucherId())
        .map(
            stored -> {
              Map<String, Object> merged = new LinkedHashMap<>(RuleFacts.of(stored));
              merged.putAll(given);
              return merged;
            });
  }

  private CompiledRule compile(String expression, RuleKind kind) {
    if (kind != null) {
      return compiler.compile(expression, kind);
    }
    RuleCheck check = check(expression, null);
    return compiler.compile(expression, check.valid() ? check.kind() : ANY_KIND.getFirst());
  }

  private static RuleDryRunResult result(
      CompiledRule rule, Map<String, Object> facts, String code, Integer version) {
    try {
      return new RuleDryRunResult(
          rule.evaluate(facts), rule.factsRead(), rule.kind(), code, version, facts);
    } catch (RuleEvaluationException e) {
      throw e.toInvalidInput();
    }
  }
}
