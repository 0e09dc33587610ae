package io.voucherflow.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import io.voucherflow.synthetic.ChineseAmountWriter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ChineseAmountParserTest {

  private static String parse(String words) {
    return ChineseAmountParser.parse(words).toPlainString();
  }

  @ParameterizedTest
  @CsvSource({
    "壹仟肆佰零玖元伍角, 1409.50",
    "陆仟零柒元壹角肆分, 6007.14",
    "壹仟陆佰捌拾元零叁角贰分, 1680.32",
    "壹仟陆佰捌拾元叁角贰分, 1680.32",
    "壹拾万柒仟元零伍角叁分, 107000.53",
    "壹拾万零柒仟元伍角叁分, 107000.53",
    "壹拾万零柒仟元零伍角叁分, 107000.53",
    "壹拾万柒仟元伍角叁分, 107000.53",
    "壹万陆仟肆佰零玖元零贰分, 16409.02",
    "叁佰贰拾伍元零肆分, 325.04",
    "壹拾元整, 10.00",
    "壹佰万零伍佰元整, 1000500.00",
    "壹亿贰仟叁佰肆拾伍万陆仟柒佰捌拾玖元壹角贰分, 123456789.12",
    "玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分, 999999999.99",
    "壹亿零伍佰万元整, 105000000.00",
    "壹亿零壹仟元整, 100001000.00",
    "壹亿壹仟元整, 100001000.00",
    "伍角, 0.50",
    "伍角整, 0.50",
    "伍分, 0.05",
    "伍角伍分, 0.55",
  })
  void shouldReadTheDomainExamples(String words, String amount) {
    assertThat(parse(words)).isEqualTo(amount);
  }

  @Test
  void shouldAcceptThePrefixZhengAndTraditionalCharacters() {
    assertThat(parse("人民币壹仟肆佰零玖元伍角")).isEqualTo("1409.50");
    assertThat(parse("人民幣壹拾元正")).isEqualTo("10.00");
    assertThat(parse("壹拾圆整")).isEqualTo("10.00");
    assertThat(parse("壹拾圓整")).isEqualTo("10.00");
    assertThat(parse("貳萬叄仟陸佰元整")).isEqualTo("23600.00");
    assertThat(parse("參億元整")).isEqualTo("300000000.00");
    assertThat(parse("壹億零貳萬元整")).isEqualTo("100020000.00");
    assertThat(parse("  伍角  ")).isEqualTo("0.50");
  }

  @ParameterizedTest
  @CsvSource({
    "'', is empty",
    "人民币, has nothing after 人民币",
    "壹仟肆佰玖元伍角, needs 零 for the zero digits before 玖",
    "陆仟零零柒元壹角肆分, has 零 twice in a row",
    "壹仟零肆佰元整, has 零 where no digit is zero",
    "壹拾零万元整, has 零 right before 万",
    "零伍角, may not start with 零",
    "零壹拾元整, may not start with 零",
    "壹拾元伍分, needs 零 between 元 and 分",
    "壹拾壹元零伍角, has 零 after 元 where no digit is zero",
    "壹拾元零整, has 零 after 元 where no digit is zero",
    "壹拾元伍角叁分整, may not end with 整 after 分",
    "伍分整, may not end with 整 after 分",
    "壹拾元, needs 整 (or 正) after 元",
    "拾元整, has 拾 out of place",
    "壹贰元整, has a digit without its unit",
    "壹拾伍角, needs 元 before 角",
    "壹拾, ends without 元",
    "壹拾壹佰元整, has 佰 out of order",
    "壹万伍万元整, has 万 out of order",
    "万元整, has 万 without digits of its own",
    "元整, has 元 without digits of its own",
    "零元整, has 零 right before 元",
    "零角伍分, has 角 out of place",
    "壹元零角伍分, has 角 out of place",
    "壹億貳萬元整, needs 零 for the zero digits before 貳",
    "壹拾亿元整, is above the largest amount",
    "壹拾元整整, has 整 out of place",
    "两元整, which is not a capital numeral",
    "贰元两角, which is not a capital numeral",
    "一千元整, which is not a capital numeral",
    "壹仟 元整, which is not a capital numeral",
    "参元整, which is not a capital numeral",
    "hello, which is not a capital numeral",
    "壹元伍角壹元, has a digit without its unit",
  })
  void shouldRefuseIllegalText(String words, String reason) {
    assertThatThrownBy(() -> ChineseAmountParser.parse(words))
        .isInstanceOf(IllegalNotationException.class)
        .hasMessageStartingWith("amount in words: ")
        .hasMessageContaining(reason);
  }

  @Test
  void shouldRefuseNull() {
    assertThatThrownBy(() -> ChineseAmountParser.parse(null))
        .isInstanceOf(IllegalNotationException.class)
        .hasMessage("amount in words: is missing");
  }

  @Test
  void shouldReportTheOneBasedPositionOfTheProblemInTheGivenText() {
    assertThatThrownBy(() -> ChineseAmountParser.parse(" 人民币陆仟零零柒元"))
        .isInstanceOfSatisfying(
            IllegalNotationException.class, e -> assertThat(e.position()).isEqualTo(8))
        .hasMessageEndingWith("(at character 8)");
  }

  @Test
  void shouldReadEveryVariantTheGeneratorWritesForThousandsOfAmounts() {
    SplittableRandom random = new SplittableRandom(20260401L);
    int checked = 0;
    for (int n = 0; n < 5_000; n++) {
      BigDecimal amount = AmountSamples.next(random);
      for (String words : ChineseAmountWriter.variants(amount)) {
        assertThat(ChineseAmountParser.parse(words)).as(words).isEqualTo(amount);
        assertThat(ChineseAmountParser.parse("人民币" + words)).as(words).isEqualTo(amount);
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(10_000);
  }

  /**
   * Every text one edit away from a legal spelling is either refused or itself a legal spelling of
   * what it reads as: the parser accepts no more than the PBOC rules do (the generator being the
   * rules' oracle).
   */
  @Test
  void shouldAcceptNoTextOneEditAwayUnlessTheGeneratorWritesItToo() {
    String alphabet = "零壹贰叁伍玖拾佰仟万亿元角分整";
    SplittableRandom random = new SplittableRandom(7L);
    int accepted = 0;
    for (int n = 0; n < 400; n++) {
      for (String words : ChineseAmountWriter.variants(AmountSamples.next(random))) {
        for (String mutant : mutants(words, alphabet)) {
          BigDecimal read;
          try {
            read = ChineseAmountParser.parse(mutant);
          } catch (IllegalNotationException refused) {
            continue;
          }
          if (!ChineseAmountWriter.variants(read).contains(mutant)) {
            fail("accepted %s (from %s) as %s, which is not a legal spelling", mutant, words, read);
          }
          accepted++;
        }
      }
    }
    assertThat(accepted).isPositive();
  }

  private static List<String> mutants(String words, String alphabet) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i <= words.length(); i++) {
      if (i < words.length()) {
        out.add(words.substring(0, i) + words.substring(i + 1));
      }
      if (i + 1 < words.length()) {
        out.add(
            words.substring(0, i) + words.charAt(i + 1) + words.charAt(i) + words.substring(i + 2));
      }
      for (char c : alphabet.toCharArray()) {
        out.add(words.substring(0, i) + c + words.substring(i));
        if (i < words.length()) {
          out.add(words.substring(0, i) + c + words.substring(i + 1));
        }
      }
    }
    return out;
  }

  @Test
  void shouldGiveFenExactly() {
    assertThat(ChineseAmountParser.parseFen("壹仟肆佰零玖元伍角")).isEqualTo(140_950L);
    assertThat(ChineseAmountParser.parse("伍分").scale()).isEqualTo(2);
  }
}
