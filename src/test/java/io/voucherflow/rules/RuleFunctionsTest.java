package io.voucherflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherflow.synthetic.AccountNumbers;
import io.voucherflow.synthetic.ChineseAmountWriter;
import io.voucherflow.synthetic.ChineseDateWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The rule functions as analysts call them: inside CEL expressions. */
class RuleFunctionsTest {

  private static final RuleCompiler COMPILER = new RuleCompiler();

  private static final CompiledRule WORDS_MATCH_FIGURES =
      COMPILER.compile(
          "amountFromWords(fields.amount_words) == fields.amount_figures", RuleKind.DATA_CHECK);

  private static Object eval(String expression, Map<String, ?> fields) {
    return COMPILER
        .compile(expression, kindOf(expression))
        .evaluate(RuleFacts.of(Map.of("fields", fields, "now.date", "2026-10-25")));
  }

  /** A kind whose result type fits, so one helper evaluates expressions of any type. */
  private static RuleKind kindOf(String expression) {
    return COMPILER.check(expression, RuleKind.DATA_CHECK).isEmpty()
        ? RuleKind.DATA_CHECK
        : COMPILER.check(expression, RuleKind.PRIORITY_SCORE).isEmpty()
            ? RuleKind.PRIORITY_SCORE
            : RuleKind.RISK_WARNING;
  }

  @Test
  void shouldMatchAmountInWordsWithAmountInFigures() {
    assertThat(
            WORDS_MATCH_FIGURES.evaluate(
                Map.of(
                    "fields",
                    Map.of("amount_words", "人民币壹仟肆佰零玖元伍角整", "amount_figures", "1409.50"))))
        .isEqualTo(true);
    assertThat(
            WORDS_MATCH_FIGURES.evaluate(
                Map.of("fields", Map.of("amount_words", "壹仟肆佰零玖元伍角", "amount_figures", "1409.05"))))
        .isEqualTo(false);
  }

  @Test
  void shouldMatchEveryVariantOfRandomAmountsThroughTheRule() {
    SplittableRandom random = new SplittableRandom(99L);
    for (int n = 0; n < 1_000; n++) {
      BigDecimal amount = AmountSamples.next(random);
      for (String words : ChineseAmountWriter.variants(amount)) {
        Map<String, Object> facts =
            Map.of(
                "fields", Map.of("amount_words", words, "amount_figures", amount.toPlainString()));
        assertThat(WORDS_MATCH_FIGURES.evaluate(facts)).as(words).isEqualTo(true);
      }
    }
  }

  @Test
  void shouldCompareMoneyAsExactCents() {
    assertThat(
            eval(
                "cents(amountFromWords(fields.w)) == cents(fields.f)",
                Map.of("w", "壹拾元整", "f", "10")))
        .isEqualTo(true);
    assertThat(eval("cents(fields.f)", Map.of("f", "1409.5"))).isEqualTo(140950L);
    assertThat(eval("cents(fields.f)", Map.of("f", "0.07"))).isEqualTo(7L);
    assertThat(eval("cents(fields.f)", Map.of("f", "999999999.99"))).isEqualTo(99999999999L);
    for (String bad : new String[] {"", "1,409.50", "-1", "1.505", "1.", ".5", "¥10", "1e3"}) {
      assertThatThrownBy(() -> eval("cents(fields.f)", Map.of("f", bad)))
          .as(bad)
          .isInstanceOf(RuleEvaluationException.class)
          .hasMessageStartingWith("amount in figures: ");
    }
  }

  @Test
  void shouldReadDatesInWordsAndSubtractThem() {
    String words = ChineseDateWriter.words(LocalDate.of(2026, 10, 20));
    assertThat(eval("dateFromWords(fields.d)", Map.of("d", words))).isEqualTo("2026-10-20");
    assertThat(eval("dateFromWords(fields.d)", Map.of("d", "2026年1月5日"))).isEqualTo("2026-01-05");
    // A cheque may be presented for ten days from its date of issue.
    assertThat(
            eval(
                "days(now.date) - days(dateFromWords(fields.d)) <= 10",
                Map.of("d", "贰零贰陆年零壹拾月零贰拾日")))
        .isEqualTo(true);
    assertThatThrownBy(() -> eval("dateFromWords(fields.d)", Map.of("d", "贰零贰陆年壹拾月零贰拾日")))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("month 10 must be written 零壹拾");
    assertThatThrownBy(() -> eval("days(fields.d)", Map.of("d", "20261020")))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageStartingWith("ISO date: ");
  }

  @Test
  void shouldCheckAccountDigits() {
    String good = AccountNumbers.random(new SplittableRandom(5L), 19);
    assertThat(eval("accountValid(fields.a)", Map.of("a", good))).isEqualTo(true);
    assertThat(eval("accountValid(fields.a)", Map.of("a", "1234"))).isEqualTo(false);
    assertThat(eval("accountValid(fields.a)", Map.of("a", "账号"))).isEqualTo(false);
  }

  @Test
  void shouldRefuseIllegalAmountWordsAsAnEvaluationFailure() {
    assertThatThrownBy(() -> eval("amountFromWords(fields.w)", Map.of("w", "壹拾元伍角叁分整")))
        .isInstanceOf(RuleEvaluationException.class)
        .hasMessageContaining("may not end with 整 after 分");
    assertThat(eval("amountFromWords(fields.w)", Map.of("w", "伍分"))).isEqualTo("0.05");
  }
}
