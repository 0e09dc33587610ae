package io.voucherflow.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChineseAmountWriterTest {

  private static List<String> variants(String amount) {
    return ChineseAmountWriter.variants(new BigDecimal(amount));
  }

  @Test
  void shouldWriteAZeroBetweenDigitsAsOneZeroAndAllowZhengAfterJiao() {
    assertThat(variants("1409.50"))
        .containsExactlyInAnyOrder("壹仟肆佰零玖元伍角", "壹仟肆佰零玖元伍角整", "壹仟肆佰零玖元伍角正");
  }

  @Test
  void shouldWriteARunOfZerosAsOneZero() {
    assertThat(variants("6007.14")).containsExactly("陆仟零柒元壹角肆分");
  }

  @Test
  void shouldAcceptTheZeroAfterYuanWrittenOrLeftOut() {
    assertThat(variants("1680.32")).containsExactlyInAnyOrder("壹仟陆佰捌拾元零叁角贰分", "壹仟陆佰捌拾元叁角贰分");
  }

  @Test
  void shouldAcceptTheOptionalZeroAfterWanAndAfterYuan() {
    assertThat(variants("107000.53"))
        .contains("壹拾万柒仟元零伍角叁分", "壹拾万零柒仟元伍角叁分")
        .allSatisfy(words -> assertThat(words).startsWith("壹拾万").endsWith("伍角叁分"));
  }

  @Test
  void shouldWriteZeroAfterYuanWhenJiaoIsZeroButFenIsNot() {
    assertThat(variants("16409.02")).containsExactly("壹万陆仟肆佰零玖元零贰分");
    assertThat(variants("325.04")).containsExactly("叁佰贰拾伍元零肆分");
  }

  @Test
  void shouldWriteALeadingTenAsYiShiAndEndWholeYuanWithZhengOrZheng() {
    assertThat(variants("10.00")).containsExactlyInAnyOrder("壹拾元整", "壹拾元正");
  }

  @Test
  void shouldKeepTheZeroMandatoryWhenTheQianDigitIsZeroToo() {
    assertThat(variants("1000500")).containsExactlyInAnyOrder("壹佰万零伍佰元整", "壹佰万零伍佰元正");
  }

  @Test
  void shouldWriteYiAndWanSections() {
    assertThat(variants("123456789.12")).containsExactly("壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分");
    assertThat(variants("0.05")).containsExactly("伍分");
  }

  @Test
  void shouldPickEveryLegalVariantSometimesAndNothingElse() {
    BigDecimal amount = new BigDecimal("107000.53");
    Set<String> seen = new HashSet<>();
    SplittableRandom random = new SplittableRandom(42);
    for (int i = 0; i < 200; i++) {
      seen.add(ChineseAmountWriter.write(amount, random));
    }
    assertThat(seen).containsExactlyInAnyOrderElementsOf(ChineseAmountWriter.variants(amount));
  }

  @Test
  void shouldRefuseAmountsTheDigitBoxesCannotHold() {
    for (String bad : new String[] {"0", "-5.00", "1000000000.00", "1.005"}) {
      assertThatThrownBy(() -> variants(bad)).isInstanceOf(IllegalArgumentException.class);
    }
  }
}
