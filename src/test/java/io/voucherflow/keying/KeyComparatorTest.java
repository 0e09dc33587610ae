package io.voucherflow.keying;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherflow.template.FieldKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class KeyComparatorTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1,409.50|1409.5",
        "1409.50|1409.50",
        "¥1,409.50|1409.5",
        "１４０９．５０|1409.5",
        "1 409.50|1409.50",
        "100|100.00"
      })
  void shouldCompareAmountFiguresAsNumbers(String a, String b) {
    assertThat(KeyComparator.same(FieldKind.AMOUNT_FIGURES, a, b)).isTrue();
  }

  @Test
  void shouldTellDifferentAmountsApart() {
    assertThat(KeyComparator.same(FieldKind.AMOUNT_FIGURES, "1409.50", "1409.05")).isFalse();
    assertThat(KeyComparator.same(FieldKind.AMOUNT_WORDS, "壹仟肆佰零玖元伍角", "壹仟肆佰零玖元伍分")).isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        // 整 may be written or left out after 角; 人民币 may lead.
        "壹仟肆佰零玖元伍角|人民币壹仟肆佰零玖元伍角整",
        // One 零 may be written or left out where the 元 digit is 0 and the 角 digit is not.
        "壹仟陆佰捌拾元零叁角贰分|壹仟陆佰捌拾元叁角贰分",
        "壹拾万柒仟元零伍角叁分|壹拾万零柒仟元伍角叁分",
        // 整 or 正 after 元.
        "壹拾元整|壹拾元正",
        // Spaces and a full-width space do not matter.
        "壹仟肆佰 零玖元伍角|壹仟肆佰零玖元　伍角"
      })
  void shouldAcceptEveryPbocSpellingOfAnAmountInWords(String a, String b) {
    assertThat(KeyComparator.same(FieldKind.AMOUNT_WORDS, a, b)).isTrue();
  }

  @Test
  void shouldCompareDatesByTheDay() {
    assertThat(KeyComparator.same(FieldKind.DATE, "2026-01-15", "2026/1/15")).isTrue();
    assertThat(KeyComparator.same(FieldKind.DATE, "20260115", "2026年1月15日")).isTrue();
    assertThat(KeyComparator.same(FieldKind.DATE_WORDS, "贰零贰陆年零壹月壹拾伍日", "2026-01-15")).isTrue();
    assertThat(KeyComparator.same(FieldKind.DATE, "2026-01-15", "2026-01-16")).isFalse();
  }

  @Test
  void shouldIgnoreSpacesAndFullWidthFormsInTextAndAccounts() {
    assertThat(KeyComparator.same(FieldKind.ACCOUNT, "6222 0210 0111", "６２２２０２１００１１１")).isTrue();
    assertThat(KeyComparator.same(FieldKind.TEXT, "ABC 公司", "ＡＢＣ公司")).isTrue();
    assertThat(KeyComparator.same(FieldKind.TEXT, "ABC公司", "ABD公司")).isFalse();
  }

  @Test
  void shouldStoreCanonicalFinalValues() {
    assertThat(KeyComparator.canonical(FieldKind.AMOUNT_FIGURES, "1,409.5")).isEqualTo("1409.50");
    assertThat(KeyComparator.canonical(FieldKind.DATE, "2026/1/15")).isEqualTo("2026-01-15");
    assertThat(KeyComparator.canonical(FieldKind.ACCOUNT, "6222 0210-0111"))
        .isEqualTo("622202100111");
  }

  @Test
  void shouldNeverMatchAMissingValue() {
    assertThat(KeyComparator.same(FieldKind.TEXT, null, "x")).isFalse();
    assertThat(KeyComparator.same(FieldKind.TEXT, null, null)).isFalse();
  }
}
