package io.voucherflow.rules;

import java.util.Arrays;
import java.util.List;

/** What a rule author may use: the declared facts and the kinds of rule, for designers. */
public record RuleSchema(List<Fact> facts, List<Kind> kinds) {

  /** A declared fact, its type as written in rules (e.g. {@code map<string, double>}). */
  public record Fact(String name, String type, String description) {}

  /** A kind of rule, the result type it must give and the value used when it cannot. */
  public record Kind(RuleKind kind, String resultType, Object failSafeValue) {}

  /** The schema every rule is compiled against. */
  public static RuleSchema current() {
    return new RuleSchema(
        RuleFacts.declared().stream()
            .map(f -> new Fact(f.name(), f.type().celName(), f.description()))
            .toList(),
        Arrays.stream(RuleKind.values())
            .map(k -> new Kind(k, k.resultType(), k.failSafeValue()))
            .toList());
  }
}
