package io.voucherflow.rules;

import static io.voucherflow.rules.ChineseAmountParser.MAX;
import static io.voucherflow.rules.ChineseAmountParser.error;

/**
 * One pass of {@link ChineseAmountParser} over one text, holding the digits written so far.
 *
 * <p>Digits are collected with the unit written after them; their place (亿 down to 元) is known only
 * when the section marker (亿, 万, 元) arrives. The 零 rules are then checked on the gaps between
 * consecutive digits, which is where the PBOC rules are stated.
 */
final class AmountWordsReader {

  private static final String PREFIX = "人民币";

  private static final long[] TEN_POWERS = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L
  };

  private final String text;
  private final char[] c;
  private final int end;
  private int i;
  private final int[] digit = new int[9];
  private final int[] pos = new int[9]; // 0 = 元 digit … 8 = 亿 digit
  private final int[] at = new int[9]; // index of the digit in the text
  private final int[] zeroAt = new int[9]; // index of the 零 written before it, or -1
  private int n;

  AmountWordsReader(String text, int from, int to) {
    this.text = text;
    this.c = CapitalNumerals.fold(text);
    this.i = from;
    this.end = to;
  }

  long read() {
    if (end - i >= 3 && c[i] == '人' && c[i + 1] == '民' && c[i + 2] == '币') {
      i += PREFIX.length();
      if (i == end) {
        throw error("has nothing after " + PREFIX, i);
      }
    }
    long yuan = readYuan();
    return readFraction(yuan);
  }

  /** The whole 元, or -1 when the text starts at 角 or 分 (an amount below one 元). */
  private long readYuan() {
    int pendingZero = -1;
    int sectionStart = 0;
    int lastBase = 12;
    int sectionUnit = 4;
    while (i < end) {
      char ch = c[i];
      int d = CapitalNumerals.digit(ch);
      if (d == 0) {
        if (pendingZero >= 0) {
          throw error("has 零 twice in a row", i + 1);
        }
        pendingZero = i++;
      } else if (d > 0) {
        char next = i + 1 < end ? c[i + 1] : 0;
        if (next == '角' || next == '分') {
          if (n == 0 && pendingZero >= 0) {
            throw error("may not start with 零", pendingZero + 1);
          }
          if (n == 0) {
            return -1;
          }
          throw error("needs 元 before " + next, i + 2);
        }
        int unit = next == '拾' ? 1 : next == '佰' ? 2 : next == '仟' ? 3 : 0;
        if (unit == 0 && next != '万' && next != '亿' && next != '元') {
          throw error(next == 0 ? "ends without 元" : "has a digit without its unit", i + 1);
        }
        if (unit >= sectionUnit) {
          throw error("has " + text.charAt(i + 1) + " out of order", i + 2);
        }
        sectionUnit = unit;
        digit[n] = d;
        pos[n] = unit;
        at[n] = i;
        zeroAt[n++] = pendingZero;
        pendingZero = -1;
        i += unit == 0 ? 1 : 2;
      } else if (ch == '万' || ch == '亿' || ch == '元') {
        int base = ch == '亿' ? 8 : ch == '万' ? 4 : 0;
        if (pendingZero >= 0) {
          throw error("has 零 right before " + text.charAt(i), pendingZero + 1);
        }
        if (base >= lastBase) {
          throw error("has " + text.charAt(i) + " out of order", i + 1);
        }
        if ((n == sectionStart && base > 0) || n == 0) {
          throw error("has " + text.charAt(i) + " without digits of its own before it", i + 1);
        }
        if (base == 8 && (n - sectionStart > 1 || pos[sectionStart] != 0)) {
          throw error("is above the largest amount " + MAX, at[sectionStart] + 1);
        }
        for (int k = sectionStart; k < n; k++) {
          pos[k] += base;
        }
        sectionStart = n;
        lastBase = base;
        sectionUnit = 4;
        i++;
        if (base == 0) {
          return checkedYuan();
        }
      } else {
        throw unexpected();
      }
    }
    throw error("ends without 元", end);
  }

  /** The 元 the digits spell, once their 零 follow the rules. */
  private long checkedYuan() {
    long yuan = 0;
    for (int k = 0; k < n; k++) {
      if (k == 0 && zeroAt[k] >= 0) {
        throw error("may not start with 零", zeroAt[k] + 1);
      }
      if (k > 0) {
        int gap = pos[k - 1] - pos[k] - 1;
        // The one optional 零 in the whole 元: a zero 万 digit (ending any run) before the 仟 digit.
        boolean optional = pos[k] == 3 && gap > 0;
        if (gap == 0 && zeroAt[k] >= 0) {
          throw error("has 零 where no digit is zero", zeroAt[k] + 1);
        }
        if (gap > 0 && zeroAt[k] < 0 && !optional) {
          throw error("needs 零 for the zero digits before " + text.charAt(at[k]), at[k] + 1);
        }
      }
      yuan += digit[k] * TEN_POWERS[pos[k]];
    }
    return yuan;
  }

  /** 角, 分 and 整 after the 元 (or the whole amount when below one 元); returns fen. */
  private long readFraction(long yuan) {
    int zero = -1;
    if (i < end && c[i] == '零') {
      zero = i++;
    }
    int jiao = unitDigit('角');
    int fen = unitDigit('分');
    int zheng = i < end && c[i] == '整' ? i++ : -1;
    if (i < end) {
      throw unexpected();
    }
    if (zero >= 0) {
      boolean allowed = (jiao != 0 && yuan % 10 == 0) || (jiao == 0 && fen != 0);
      if (!allowed) {
        throw error("has 零 after 元 where no digit is zero", zero + 1);
      }
    } else if (yuan > 0 && jiao == 0 && fen != 0) {
      throw error("needs 零 between 元 and 分 when there are no 角", end - 1);
    }
    if (zheng >= 0 && fen != 0) {
      throw error("may not end with 整 after 分", zheng + 1);
    }
    if (zheng < 0 && jiao == 0 && fen == 0) {
      throw error("needs 整 (or 正) after 元", end);
    }
    return Math.max(yuan, 0) * 100 + jiao * 10L + fen;
  }

  /** The digit written before {@code unit} at the current place, consumed; 0 when absent. */
  private int unitDigit(char unit) {
    if (i + 1 < end && c[i + 1] == unit) {
      int d = CapitalNumerals.digit(c[i]);
      if (d > 0) {
        i += 2;
        return d;
      }
    }
    return 0;
  }

  private IllegalNotationException unexpected() {
    char ch = c[i];
    int d = CapitalNumerals.digit(ch);
    String reason =
        d == 0
            ? "has 零 where it is not allowed"
            : d > 0 ? "has a digit without its unit" : "has " + text.charAt(i) + " out of place";
    if (d < 0 && "零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整币人民".indexOf(ch) < 0) {
      reason = "has " + text.charAt(i) + ", which is not a capital numeral";
    }
    return error(reason, i + 1);
  }
}
