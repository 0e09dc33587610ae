package io.voucherflow.rules;

/**
 * The capital numerals (大写数字) of the PBOC rules, with traditional forms folded onto them.
 *
 * <p>Folding is one character to one character, so positions in the folded text are positions in
 * what was written. Accepted besides the PBOC set 零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整: 貳 叄 參 陸 萬 億 (traditional
 * characters), 圆 and 圓 for 元, 正 for 整, 幣 in 人民幣. Not accepted: 两/兩, 〇, 参 and lower-case numerals
 * (一二三, 十百千) — the PBOC list excludes them because they are easy to alter.
 */
final class CapitalNumerals {

  private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";

  private CapitalNumerals() {}

  /** The PBOC simplified form of {@code c}; characters without a variant come back unchanged. */
  static char fold(char c) {
    return switch (c) {
      case '貳' -> '贰';
      case '叄', '參' -> '叁';
      case '陸' -> '陆';
      case '萬' -> '万';
      case '億' -> '亿';
      case '圆', '圓' -> '元';
      case '正' -> '整';
      case '幣' -> '币';
      default -> c;
    };
  }

  /** {@code text} with every character folded. */
  static char[] fold(String text) {
    char[] out = text.toCharArray();
    for (int i = 0; i < out.length; i++) {
      out[i] = fold(out[i]);
    }
    return out;
  }

  /** 0–9 for a folded capital digit 零–玖, or -1. */
  static int digit(char folded) {
    return DIGITS.indexOf(folded);
  }

  /** The capital digit for 0–9. */
  static char capital(int digit) {
    return DIGITS.charAt(digit);
  }
}
