package io.voucherflow.cases.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherflow.process.ProcessDefinition;
import io.voucherflow.process.ProcessTransition;
import io.voucherflow.rules.RuleCompiler;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RoutingTest {

  private static final String MISMATCH =
      "cents(amountFromWords(fields.amount_words)) != cents(fields.amount_figures)";

  private final Routing routing = new Routing(new InlineRules(new RuleCompiler()));

  private static final ProcessDefinition CHECKED =
      new ProcessDefinition(
          "T",
          1,
          "test",
          "business",
          List.of(),
          "check",
          List.of(),
          List.of(
              new ProcessTransition("check", "returned", "fail", null, null),
              new ProcessTransition("check", "phone", "pass", null, 2),
              new ProcessTransition("check", "returned", "pass", MISMATCH, 1)));

  @Test
  void shouldTryGuardsInAscendingOrderAndTakeTheFirstThatHolds() {
    Routing.Taken taken = routing.next(CHECKED, "check", "pass", facts("壹仟元整", "900.00"));

    assertThat(taken.to()).isEqualTo("returned");
    assertThat(taken.facts()).containsEntry("fields.amount_words", "壹仟元整");
  }

  @Test
  void shouldPassAGuardThatDoesNotHoldOnToTheNextTransition() {
    assertThat(routing.next(CHECKED, "check", "pass", facts("壹仟元整", "1000.00")).to())
        .isEqualTo("phone");
  }

  @Test
  void shouldTreatAGuardThatCannotBeEvaluatedAsFalse() {
    Routing.Taken taken = routing.next(CHECKED, "check", "pass", facts("不是金额", "1000.00"));

    assertThat(taken.to()).isEqualTo("phone");
    assertThat(taken.detail()).contains("guard to returned false (");
  }

  @Test
  void shouldRefuseToGuessWhenNoTransitionFits() {
    assertThatThrownBy(() -> routing.next(CHECKED, "check", "maybe", Map.of()))
        .isInstanceOf(IllegalStateException.class);
  }

  private static Map<String, Object> facts(String words, String figures) {
    return Map.of("fields", Map.of("amount_words", words, "amount_figures", figures));
  }
}
