package io.voucherflow.process;

import io.voucherflow.common.error.FieldError;
import io.voucherflow.rules.RuleCompiler;
import io.voucherflow.rules.RuleIssue;
import io.voucherflow.rules.RuleKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The routing checks: transitions link known nodes, pick outcomes their node has, carry guards that
 * type-check, and leave every outcome of every node a transition without a guard, so a case can
 * never stop between nodes.
 */
final class TransitionChecks {

  private final RuleCompiler compiler;

  TransitionChecks(RuleCompiler compiler) {
    this.compiler = compiler;
  }

  /** Adds the routing problems; true when every transition links two nodes of the process. */
  boolean check(ProcessDefinition d, List<FieldError> errors) {
    List<ProcessTransition> ts = transitions(d);
    boolean linked = true;
    Set<String> keys = new HashSet<>();
    for (int i = 0; i < ts.size(); i++) {
      ProcessTransition t = ts.get(i);
      String at = at(t, i);
      ProcessNode from = d.node(t.from()).orElse(null);
      if (from == null) {
        errors.add(new FieldError(at + ".from", "names no node of the process: " + t.from()));
        linked = false;
      }
      if (d.node(t.to()).isEmpty()) {
        errors.add(new FieldError(at + ".to", "names no node of the process: " + t.to()));
        linked = false;
      }
      if (!keys.add(t.key())) {
        errors.add(new FieldError(at, "duplicates another transition; join their guards with ||"));
      }
      if (from != null) {
        checkFrom(from, t, at, errors);
      }
      if (t.guard() != null) {
        for (RuleIssue issue : compiler.check(t.guard(), RuleKind.TRANSITION_GUARD)) {
          errors.add(new FieldError(at + ".guard", issue.toString()));
        }
      }
    }
    checkDecisionRules(d, errors);
    if (linked) {
      checkDefaults(d, errors);
    }
    return linked;
  }

  private static void checkFrom(
      ProcessNode from, ProcessTransition t, String at, List<FieldError> errors) {
    NodeKind kind = from.nodeKind().orElse(null);
    if (kind == null) {
      return; // reported on the node
    }
    if (kind.category() == NodeCategory.END) {
      errors.add(new FieldError(at + ".from", from.id() + " ends the process; nothing leaves it"));
    } else if (kind == NodeKind.FORK && (t.on() != null || t.guard() != null)) {
      errors.add(new FieldError(at, "a fork takes every branch; put conditions inside the branch"));
    } else if (t.on() != null && !from.outcomes().contains(t.on())) {
      errors.add(
          new FieldError(
              at + ".on",
              from.outcomes().isEmpty()
                  ? "a " + kind.json() + " node has no outcomes to pick from"
                  : "'"
                      + t.on()
                      + "' is no outcome of "
                      + from.id()
                      + "; one of "
                      + from.outcomes()));
    }
  }

  // Rule codes as /api/rules takes them: two or more dot-separated lower-case parts.
  private static final java.util.regex.Pattern RULE_CODE =
      java.util.regex.Pattern.compile("[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+");

  private void checkDecisionRules(ProcessDefinition d, List<FieldError> errors) {
    for (int i = 0; i < d.nodes().size(); i++) {
      ProcessNode n = d.nodes().get(i);
      if (n.nodeKind().orElse(null) != NodeKind.DECISION || n.rule() == null) {
        continue;
      }
      String at = ProcessValidator.at(d, i) + ".rule";
      RuleKind kind = n.rule().ruleKind().orElse(null);
      if (kind == null) {
        errors.add(
            new FieldError(
                at + ".kind", "a decision evaluates one of " + NodeRule.OUTCOMES.keySet()));
        continue;
      }
      boolean named = n.rule().code() != null;
      boolean written = n.rule().expression() != null;
      if (named == written) {
        errors.add(new FieldError(at, "give either an expression or the code of a managed rule"));
        continue;
      }
      if (named) {
        if (!RULE_CODE.matcher(n.rule().code()).matches()) {
          errors.add(new FieldError(at + ".code", "not a rule code (e.g. seal-check.mode)"));
        }
        continue; // checked when saved through /api/rules; not in force → fail-safe value
      }
      for (RuleIssue issue : compiler.check(n.rule().expression(), kind)) {
        errors.add(new FieldError(at + ".expression", issue.toString()));
      }
    }
  }

  /**
   * Every outcome needs a transition without a guard (a guard that fails is false, and a case must
   * still move on), and a transition after such a one for all its outcomes is never taken.
   */
  private static void checkDefaults(ProcessDefinition d, List<FieldError> errors) {
    List<ProcessTransition> ts = transitions(d);
    for (int i = 0; i < d.nodes().size(); i++) {
      ProcessNode n = d.nodes().get(i);
      NodeKind kind = n.nodeKind().orElse(null);
      List<ProcessTransition> out = ts.stream().filter(t -> n.id().equals(t.from())).toList();
      if (kind == null
          || kind == NodeKind.FORK
          || kind.category() == NodeCategory.END
          || out.isEmpty()) {
        continue; // no way out at all is a graph problem
      }
      List<ProcessTransition> tried =
          out.stream().sorted(Comparator.comparingInt(ProcessTransition::rank)).toList();
      List<String> outcomes = n.outcomes().isEmpty() ? Arrays.asList((String) null) : n.outcomes();
      List<ProcessTransition> needed = new ArrayList<>();
      for (String outcome : outcomes) {
        List<ProcessTransition> candidates =
            tried.stream().filter(t -> applies(t, outcome)).toList();
        ProcessTransition fallback =
            candidates.stream().filter(t -> t.guard() == null).findFirst().orElse(null);
        if (fallback == null) {
          needed.addAll(candidates);
          errors.add(
              new FieldError(
                  ProcessValidator.at(d, i),
                  (outcome == null ? "a case" : "a case ending it with '" + outcome + "'")
                      + " could stop here: no transition without a guard takes it on"));
        } else {
          needed.addAll(candidates.subList(0, candidates.indexOf(fallback) + 1));
        }
      }
      for (ProcessTransition t : out) {
        boolean pickable = t.on() == null || n.outcomes().contains(t.on());
        if (pickable && !needed.contains(t)) {
          errors.add(
              new FieldError(
                  at(t, ts.indexOf(t)),
                  "is never taken: a transition tried before it without a guard always applies"));
        }
      }
    }
  }

  private static boolean applies(ProcessTransition t, String outcome) {
    return t.on() == null || t.on().equals(outcome);
  }

  static List<ProcessTransition> transitions(ProcessDefinition d) {
    return d.transitions() == null ? List.of() : d.transitions();
  }

  /** {@code transitions[from->to]} when both ends are named, else {@code transitions[index]}. */
  static String at(ProcessTransition t, int index) {
    return "transitions[" + (t.from() == null || t.to() == null ? index : t.key()) + "]";
  }
}
