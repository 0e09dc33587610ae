package io.voucherflow.process;

import static io.voucherflow.process.ProcessFixtures.KNOWN;
import static io.voucherflow.process.ProcessFixtures.VALID;
import static io.voucherflow.process.ProcessFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.voucherflow.common.error.FieldError;
import io.voucherflow.rules.RuleCompiler;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ProcessValidatorTest {

  private static final ProcessValidator VALIDATOR = new ProcessValidator(new RuleCompiler());

  @Test
  void shouldAcceptAValidProcess() {
    assertThat(VALIDATOR.problems(yaml(VALID), KNOWN)).isEmpty();
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        of(
            "an unreachable node",
            y ->
                y.replace("  - { id: done,", "  - { id: orphan, kind: check }\n  - { id: done,")
                    .replace("transitions:\n", "transitions:\n  - { from: orphan, to: done }\n"),
            "nodes[orphan]",
            "unreachable from the start node scan"),
        of(
            "a node with no transitions",
            y -> y.replace("  - { from: seal, to: joined }\n", ""),
            "nodes[seal]",
            "has no way out: only end nodes"),
        of(
            "a loop that never ends",
            y ->
                y.replace("  - { id: done,", "  - { id: spin, kind: check }\n  - { id: done,")
                    .replace(
                        "  - { from: joined, to: review, order: 2 }",
                        "  - { from: joined, to: review, order: 2 }\n"
                            + "  - { from: joined, to: spin, order: 3 }\n"
                            + "  - { from: spin, to: spin }"),
            "nodes[spin]",
            "no path from it reaches an end node"),
        of(
            "an unknown post",
            y -> y.replace("post: REVIEW", "post: JANITOR"),
            "nodes[review].post",
            "names no known post: JANITOR"),
        of(
            "a human node without a post",
            y -> y.replace(", post: REVIEW", ""),
            "nodes[review].post",
            "names the post"),
        of(
            "a human node without a time limit",
            y -> y.replace(", timeLimit: PT15M", ""),
            "nodes[review].timeLimit",
            "needs a time limit"),
        of(
            "a time limit that is no duration",
            y -> y.replace("PT15M", "15 minutes"),
            "nodes[review].timeLimit",
            "ISO-8601"),
        of(
            "a time limit of a month",
            y -> y.replace("PT15M", "P30D"),
            "nodes[review].timeLimit",
            "between 30 seconds and 7 days"),
        of(
            "a post on an automatic node",
            y -> y.replace("kind: seal_auto }", "kind: seal_auto, post: REVIEW }"),
            "nodes[seal].post",
            "only human nodes"),
        of(
            "a guard that does not type-check",
            y ->
                y.replace(
                    "cents(amountFromWords(fields.amount_words))", "voucher.amountCents > 'a'"),
            "transitions[joined->returned].guard",
            "line 1, column"),
        of(
            "a guard that is not a condition",
            y -> y.replace("cents(amountFromWords(fields.amount_words)) != ", ""),
            "transitions[joined->returned].guard",
            "must give bool"),
        of(
            "an undeclared fact in a guard",
            y -> y.replace("fields.amount_words)) !=", "fields.amount_words)) != voucher.colour +"),
            "transitions[joined->returned].guard",
            "undeclared reference"),
        of(
            "an unknown sub-process",
            y -> y.replace("process: SCAN", "process: NOPE"),
            "nodes[scan].call",
            "names no stored sub-process NOPE/1"),
        of(
            "a call not pinned to an active version",
            y -> y.replace(", version: 1", ""),
            "nodes[scan].call",
            "has no active version"),
        of(
            "a join without a matching fork",
            y -> y.replace("fork: split", "fork: review"),
            "nodes[joined].fork",
            "no fork review"),
        of(
            "a fork without a join",
            y -> y.replace("fork: split", "fork: review"),
            "nodes[split]",
            "fork without a join"),
        of(
            "a branch that finishes before the join",
            y -> y.replace("{ from: seal, to: joined }", "{ from: seal, to: done }"),
            "nodes[split]",
            "its branch to seal can finish at done without joining at joined"),
        of(
            "a condition on a fork's branch",
            y -> y.replace("{ from: split, to: seal }", "{ from: split, to: seal, guard: 'true' }"),
            "transitions[split->seal]",
            "a fork takes every branch"),
        of(
            "duplicate node ids",
            y -> y.replace("  - { id: done,", "  - { id: review, kind: check }\n  - { id: done,"),
            "nodes[review].id",
            "duplicates another node's id review"),
        of(
            "an unknown node kind",
            y -> y.replace("kind: seal_auto", "kind: seal_magic"),
            "nodes[seal].kind",
            "'seal_magic' is no node kind"),
        of(
            "an outcome the node does not have",
            y -> y.replace("on: approve", "on: approved"),
            "transitions[review->done@approved].on",
            "'approved' is no outcome of review"),
        of(
            "an outcome with no unguarded way on",
            y -> y.replace("  - { from: review, to: returned, on: return }\n", ""),
            "nodes[review]",
            "ending it with 'return' could stop here"),
        of(
            "a transition that is never taken",
            y -> y.replace("to: review, order: 2", "to: review, order: 0"),
            "transitions[joined->returned]",
            "is never taken"),
        of(
            "two transitions alike",
            y -> y.replace("transitions:\n", "transitions:\n  - { from: scan, to: split }\n"),
            "transitions[scan->split]",
            "duplicates another transition"),
        of(
            "a transition out of an end node",
            y -> y + "  - { from: done, to: review }\n",
            "transitions[done->review].from",
            "done ends the process"),
        of(
            "a transition to an unknown node",
            y ->
                y.replace(
                    "{ from: review, to: done, on: approve }",
                    "{ from: review, to: gone, on: approve }"),
            "transitions[review->gone@approve].to",
            "names no node of the process: gone"),
        of(
            "an unknown start",
            y -> y.replace("start: scan", "start: nowhere"),
            "start",
            "must name a node"),
        of(
            "a business process without business types",
            y -> y.replace("businessTypes: [TEST]\n", ""),
            "businessTypes",
            "at least one business type"),
        of(
            "a decision rule of a kind decisions cannot use",
            y -> withDecision(y, "{ kind: PRIORITY_SCORE, expression: '1' }"),
            "nodes[gate].rule.kind",
            "a decision evaluates one of"),
        of(
            "a decision rule that does not fit its kind",
            y -> withDecision(y, "{ kind: SEAL_CHECK_MODE, expression: 'voucher.amountCents' }"),
            "nodes[gate].rule.expression",
            "must give string"),
        of(
            "a decision rule both written and named",
            y ->
                withDecision(
                    y,
                    "{ kind: AUTHORISATION_THRESHOLD, expression: 'true', code: authorise.large }"),
            "nodes[gate].rule",
            "either an expression or the code"),
        of(
            "a decision naming something that is not a rule code",
            y -> withDecision(y, "{ kind: AUTHORISATION_THRESHOLD, code: 'Authorise Large' }"),
            "nodes[gate].rule.code",
            "not a rule code"));
  }

  @Test
  void shouldAcceptADecisionNamingAManagedRule() {
    String y =
        withDecision(VALID, "{ kind: AUTHORISATION_THRESHOLD, code: authorisation.centre }")
            .replace(
                "  - { from: gate, to: review }",
                "  - { from: gate, to: review, on: \"false\" }\n"
                    + "  - { from: gate, to: returned, on: \"true\" }");

    assertThat(VALIDATOR.problems(yaml(y), KNOWN)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void shouldRefuseAndNameTheNode(
      String what, UnaryOperator<String> change, String field, String message) {
    List<FieldError> problems = VALIDATOR.problems(yaml(change.apply(VALID)), KNOWN);

    assertThat(problems)
        .as(problems.toString())
        .anySatisfy(
            p -> {
              assertThat(p.field()).isEqualTo(field);
              assertThat(p.message()).contains(message);
            });
  }

  @Test
  void shouldRouteADecisionByItsRuleOutcomes() {
    String y =
        withDecision(
                VALID,
                "{ kind: AUTHORISATION_THRESHOLD, expression: 'voucher.amountCents >= 100' }")
            .replace(
                "  - { from: gate, to: review }",
                "  - { from: gate, to: review, on: \"false\" }\n"
                    + "  - { from: gate, to: returned, on: \"true\" }");

    assertThat(VALIDATOR.problems(yaml(y), KNOWN)).isEmpty();
  }

  @Test
  void shouldRefuseASubProcessBoundToBusinessTypes() {
    String y = VALID.replace("kind: business", "kind: subprocess");

    assertThat(VALIDATOR.problems(yaml(y), KNOWN))
        .extracting(FieldError::field)
        .containsExactly("businessTypes");
  }

  /** The fixture with a decision node {@code gate} between the join and the review. */
  private static String withDecision(String y, String rule) {
    return y.replace(
            "  - { id: done,",
            "  - { id: gate, kind: decision, rule: " + rule + " }\n  - { id: done,")
        .replace(
            "  - { from: joined, to: review, order: 2 }",
            "  - { from: joined, to: gate, order: 2 }\n  - { from: gate, to: review }");
  }

  private static Arguments of(
      String what, UnaryOperator<String> change, String field, String message) {
    return Arguments.of(what, change, field, message);
  }
}
