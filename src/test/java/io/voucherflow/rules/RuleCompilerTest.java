package io.voucherflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voucherflow.common.error.FieldError;
import io.voucherflow.common.error.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RuleCompilerTest {

  private static final RuleCompiler COMPILER = new RuleCompiler();

  @Test
  void shouldCompileARuleOverDeclaredFacts() {
    CompiledRule rule =
        COMPILER.compile(
            "voucher.businessType == 'TRANSFER' && voucher.amountCents >= 5000000",
            RuleKind.PHONE_VERIFICATION_THRESHOLD);

    assertThat(rule.kind()).isEqualTo(RuleKind.PHONE_VERIFICATION_THRESHOLD);
    assertThat(rule.factsRead()).containsExactly("voucher.amountCents", "voucher.businessType");
  }

  @Test
  void shouldRefuseAnUndeclaredFactWithItsPosition() {
    assertThatThrownBy(
            () ->
                COMPILER.compile(
                    "voucher.amountCents > 100 &&\n  voucher.colour == 'red'", RuleKind.DATA_CHECK))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> {
              assertThat(e.code()).isEqualTo("rules.expression.invalid");
              assertThat(e.getMessage())
                  .startsWith("The expression does not compile: line 2, column 3: ")
                  .contains("undeclared reference");
              assertThat(e.fieldErrors())
                  .extracting(FieldError::field)
                  .containsExactly("expression");
            });
  }

  @Test
  void shouldGiveOneBasedLineAndColumnOfASyntaxError() {
    List<RuleIssue> issues = COMPILER.check("voucher.amountCents + ", RuleKind.PRIORITY_SCORE);

    assertThat(issues).hasSize(1);
    assertThat(issues.getFirst().line()).isEqualTo(1);
    assertThat(issues.getFirst().column()).isEqualTo(23);
    assertThat(issues.getFirst().toString()).startsWith("line 1, column 23: ");
  }

  @Test
  void shouldReportEveryIssueOfAnExpression() {
    List<RuleIssue> issues =
        COMPILER.check("voucher.colour == 1 || customer.shoeSize > 2", RuleKind.DATA_CHECK);

    assertThat(issues).extracting(RuleIssue::column).containsExactly(1, 24);
  }

  @Test
  void shouldRefuseDoubleMoneyComparisons() {
    assertThat(COMPILER.check("voucher.amountCents > 1000.5", RuleKind.DATA_CHECK))
        .singleElement()
        .satisfies(i -> assertThat(i.message()).contains("no matching overload"));
  }

  @Test
  void shouldRefuseUnknownFunctionsAndWrongArgumentTypes() {
    assertThat(COMPILER.check("amountFromWordz(fields.amount_words) == ''", RuleKind.DATA_CHECK))
        .isNotEmpty();
    assertThat(COMPILER.check("accountValid(voucher.amountCents)", RuleKind.DATA_CHECK))
        .isNotEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "TRANSITION_GUARD | voucher.amountCents > 0 | voucher.amountCents",
        "PRIORITY_SCORE | 100 - (cutoff.minuteOfDay - now.minuteOfDay) | voucher.amountCents > 0",
        "PRIORITY_SCORE | ocr.confidence.amount_words * 10.0 | 'high'",
        "DATA_CHECK | accountValid(fields.payer_account) | fields.payer_account",
        "AUTHORISATION_THRESHOLD | voucher.amountCents > 100000000 | 1",
        "PHONE_VERIFICATION_THRESHOLD | 'vip' in customer.flags | customer.flags",
        "SEAL_CHECK_MODE | voucher.amountCents > 1000000 ? 'both' : 'auto' | true",
        "RISK_WARNING | 'watch-list' in customer.flags | 0.5",
        "RISK_WARNING | 'dormant' in account.flags ? 'dormant account' : '' | ['x']",
      })
  void shouldAcceptOnlyTheResultTypeOfTheKind(String kind, String good, String bad) {
    RuleKind k = RuleKind.valueOf(kind);
    assertThat(COMPILER.check(good, k)).isEmpty();
    assertThat(COMPILER.check(bad, k))
        .singleElement()
        .satisfies(
            i -> {
              assertThat(i.line()).isEqualTo(1);
              assertThat(i.column()).isEqualTo(1);
              assertThat(i.message()).startsWith("a rule of kind " + kind + " must give ");
            });
  }

  @Test
  void shouldRefuseEmptyAndOverlongExpressions() {
    assertThat(COMPILER.check("  ", RuleKind.DATA_CHECK))
        .containsExactly(new RuleIssue(1, 1, "the expression is empty"));
    assertThat(COMPILER.check(null, RuleKind.DATA_CHECK)).hasSize(1);
    String overlong = "true" + " && true".repeat(RuleCompiler.MAX_LENGTH / 8);
    assertThat(COMPILER.check(overlong, RuleKind.DATA_CHECK)).isNotEmpty();
  }

  @Test
  void shouldOfferTheStandardMacros() {
    assertThat(
            COMPILER.check(
                "customer.flags.exists(f, f.startsWith('watch'))", RuleKind.RISK_WARNING))
        .isEmpty();
    assertThat(COMPILER.check("has(fields.purpose) && fields.purpose != ''", RuleKind.DATA_CHECK))
        .isEmpty();
  }

  @Test
  void shouldShareOneCompilerAcrossThreads() throws Exception {
    List<Thread> threads = new ArrayList<>();
    Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
    for (int t = 0; t < 4; t++) {
      int n = t;
      threads.add(
          Thread.ofPlatform()
              .start(
                  () -> {
                    try {
                      for (int i = 0; i < 50; i++) {
                        CompiledRule rule =
                            COMPILER.compile(
                                "voucher.amountCents > " + (n * 1000 + i), RuleKind.DATA_CHECK);
                        assertThat(rule.evaluate(Map.of("voucher.amountCents", 1500L)))
                            .isEqualTo(1500L > n * 1000 + i);
                      }
                    } catch (Throwable e) {
                      failures.add(e);
                    }
                  }));
    }
    for (Thread thread : threads) {
      thread.join(30_000);
    }
    assertThat(failures).isEmpty();
  }
}
