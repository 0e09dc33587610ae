package io.voucherflow.cases.service;

import io.voucherflow.process.ProcessDefinition;
import io.voucherflow.process.ProcessTransition;
import io.voucherflow.rules.RuleKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Picks the transition a node takes for an outcome: those whose {@code on} is absent or equal, by
 * ascending order then as listed, the first whose guard is absent or true (an erring guard is
 * false).
 */
@ApplicationScoped
public class Routing {

  /** The transition taken, with the facts its guards read on the way (for history). */
  public record Taken(String to, String guard, Map<String, Object> facts, String detail) {}

  private final InlineRules rules;

  @Inject
  public Routing(InlineRules rules) {
    this.rules = rules;
  }

  public Taken next(ProcessDefinition d, String from, String outcome, Map<String, Object> facts) {
    List<ProcessTransition> candidates =
        d.transitions().stream()
            .filter(t -> t.from().equals(from))
            .filter(t -> t.on() == null || t.on().equals(outcome))
            .sorted(Comparator.comparingInt(ProcessTransition::rank))
            .toList();
    Map<String, Object> read = new LinkedHashMap<>();
    StringBuilder detail = new StringBuilder();
    for (ProcessTransition t : candidates) {
      if (t.guard() == null) {
        return new Taken(t.to(), null, read.isEmpty() ? null : read, text(detail));
      }
      InlineRules.Evaluated guard = rules.evaluate(t.guard(), RuleKind.TRANSITION_GUARD, facts);
      read.putAll(guard.facts());
      boolean open = Boolean.TRUE.equals(guard.value());
      detail
          .append(detail.isEmpty() ? "" : "; ")
          .append("guard to ")
          .append(t.to())
          .append(open ? " true" : " false")
          .append(guard.failure() == null ? "" : " (" + guard.failure() + ")");
      if (open) {
        return new Taken(t.to(), t.guard(), read, text(detail));
      }
    }
    // The validator guarantees an unguarded transition per outcome; a stored version lacking one
    // is a defect, and the case waits (its token stays) rather than guess a way.
    throw new IllegalStateException(
        "No transition from " + d.code() + "/" + d.version() + " " + from + " on " + outcome);
  }

  private static String text(StringBuilder detail) {
    return detail.isEmpty() ? null : detail.toString();
  }
}
