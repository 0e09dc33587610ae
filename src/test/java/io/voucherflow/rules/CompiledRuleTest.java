package io.voucherflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.voucherflow.common.error.InvalidInputException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CompiledRuleTest {

  private static final RuleCompiler COMPILER = new RuleCompiler();

  private static final Map<String, Object> FACTS =
      RuleFacts.of(
          Map.of(
              "voucher",
              Map.of("businessType", "TRANSFER", "amountCents", 140950, "branch", "0101"),
              "fields",
              Map.of("amount_words", "壹仟肆佰零玖元伍角", "amount_figures", "1409.50"),
              "ocr",
              Map.of("confidence", Map.of("amount_words", 0.72)),
              "customer.flags",
              List.of("vip"),
              "now",
              Map.of("minuteOfDay", 990),
              "cutoff.minuteOfDay",
              1020));

  private static Object eval(String expression, RuleKind kind) {
    return COMPILER.compile(expression, kind).evaluate(FACTS);
  }

  @Test
  void shouldEvaluateOnceCompiledRulesManyTimes() {
    CompiledRule rule = COMPILER.compile("voucher.amountCents >= 100000", RuleKind.DATA_CHECK);

    assertThat(rule.evaluate(Map.of("voucher.amountCents", 100000L))).isEqualTo(true);
    assertThat(rule.evaluate(Map.of("voucher.amountCents", 99999L))).isEqualTo(false);
    assertThat(rule.evaluate(FACTS)).isEqualTo(true);
  }

  @Test
  void shouldGiveTheValueInTheTypeOfTheKind() {
    assertThat(eval("cutoff.minuteOfDay - now.minuteOfDay < 60 ? 90 : 10", RuleKind.PRIORITY_SCORE))
        .isEqualTo(90L);
    assertThat(eval("ocr.confidence.amount_words * 100.0", RuleKind.PRIORITY_SCORE))
        .isEqualTo(72.0);
    assertThat(eval("voucher.amountCents > 10000000 ? 'both' : 'auto'", RuleKind.SEAL_CHECK_MODE))
        .isEqualTo("auto");
    assertThat(eval("'vip' in customer.flags ? 'VIP customer' : ''", RuleKind.RISK_WARNING))
        .isEqualTo("VIP customer");
  }

  @Test
  void shouldNameTheFactsReadFromTheCheckedExpression() {
    CompiledRule rule =
        COMPILER.compile(
            "// voucher.teller is only mentioned here\n"
                + "amountFromWords(fields.amount_words) == fields['amount_figures']"
                + " && ocr.confidence.amount_words > 0.5 && size(customer.flags) >= 0"
                + " && 'voucher.branch' != ''",
            RuleKind.DATA_CHECK);

    assertThat(rule.factsRead())
        .containsExactly(
            "customer.flags",
            "fields.amount_figures",
            "fields.amount_words",
            "ocr.confidence.amount_words");
  }

  @Test
  void shouldNameAWholeMapWhenItIsNotReadAtAConstantKey() {
    CompiledRule rule =
        COMPILER.compile(
            "fields.exists(k, k.startsWith('payer')) && 'purpose' in fields", RuleKind.DATA_CHECK);

    assertThat(rule.factsRead()).containsExactly("fields");
  }

  @Test
  void shouldRefuseToEvaluateWithoutAFactItReads() {
    CompiledRule rule =
        COMPILER.compile("voucher.amountCents > 0 || voucher.teller == 'x'", RuleKind.DATA_CHECK);

    assertThatThrownBy(() -> rule.evaluate(Map.of("voucher.amountCents", 1L)))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("the fact voucher.teller was not supplied");
  }

  @Test
  void shouldReportAMissingMapKeyAsAnEvaluationFailure() {
    CompiledRule rule = COMPILER.compile("fields.payee_account != ''", RuleKind.DATA_CHECK);

    assertThatThrownBy(() -> rule.evaluate(FACTS))
        .isInstanceOfSatisfying(
            RuleEvaluationException.class,
            e -> {
              assertThat(e.code()).isEqualTo("rules.evaluation.failed");
              assertThat(e.getMessage()).contains("payee_account").doesNotContain("<input>");
            });
  }

  @Test
  void shouldGiveTheFunctionsOwnReasonWhenItRefusesItsArgument() {
    CompiledRule rule =
        COMPILER.compile(
            "amountFromWords(fields.amount_words) == fields.amount_figures", RuleKind.DATA_CHECK);
    Map<String, Object> illegal =
        Map.of("fields", Map.of("amount_words", "壹仟肆佰玖元伍角", "amount_figures", "1409.50"));

    assertThatThrownBy(() -> rule.evaluate(illegal))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessage("amount in words: needs 零 for the zero digits before 玖 (at character 5)");
  }

  @Test
  void shouldRefuseASealCheckModeOutsideAutoManualBoth() {
    CompiledRule rule =
        COMPILER.compile(
            "voucher.amountCents > 0 ? 'sometimes' : 'auto'", RuleKind.SEAL_CHECK_MODE);

    assertThatThrownBy(() -> rule.evaluate(FACTS))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("auto, manual or both, not 'sometimes'");
  }

  @Test
  void shouldReportArithmeticOverflowAsAnEvaluationFailure() {
    CompiledRule rule =
        COMPILER.compile("voucher.amountCents * 9223372036854775807 > 0", RuleKind.DATA_CHECK);

    assertThatThrownBy(() -> rule.evaluate(FACTS)).isInstanceOf(RuleEvaluationException.class);
  }

  @Test
  void shouldTurnAnEvaluationFailureIntoAnInvalidInputProblemForDryRuns() {
    CompiledRule rule = COMPILER.compile("voucher.teller == 'x'", RuleKind.TRANSITION_GUARD);
    RuleEvaluationException failure =
        assertThrows(RuleEvaluationException.class, () -> rule.evaluate(Map.of()));

    InvalidInputException problem = failure.toInvalidInput();
    assertThat(problem.code()).isEqualTo("rules.evaluation.failed");
    assertThat(problem.fieldErrors()).singleElement().extracting("field").isEqualTo("facts");
  }

  @Test
  void shouldFailSafeTowardsMoreScrutiny() {
    assertThat(RuleKind.TRANSITION_GUARD.failSafeValue()).isEqualTo(false);
    assertThat(RuleKind.DATA_CHECK.failSafeValue()).isEqualTo(false);
    assertThat(RuleKind.AUTHORISATION_THRESHOLD.failSafeValue()).isEqualTo(true);
    assertThat(RuleKind.PHONE_VERIFICATION_THRESHOLD.failSafeValue()).isEqualTo(true);
    assertThat(RuleKind.SEAL_CHECK_MODE.failSafeValue()).isEqualTo("both");
    assertThat(RuleKind.RISK_WARNING.failSafeValue()).isEqualTo(true);
    assertThat(RuleKind.PRIORITY_SCORE.failSafeValue()).isEqualTo(0L);
  }
}
