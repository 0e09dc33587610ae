package io.voucherflow.synthetic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Writes an amount in capital Chinese words (大写金额) the way the PBOC rules for filling in bills
 * allow, without the pre-printed 人民币 prefix.
 *
 * <p>The rules leave choices, so one amount has several legal spellings: 整 or 正 after 元; 整, 正 or
 * nothing after 角; and one optional 零 where the 万 digit or the 元 digit is 0 (alone or ending a run
 * of zeros) while the 仟 or 角 digit is not. The two optional 零 are independent, so ¥107,000.53 has
 * four spellings (壹拾万柒仟元零伍角叁分, 壹拾万零柒仟元伍角叁分 and the forms with both or neither). Zeros between
 * digits are one 零 per run; a 0 角 before a non-zero 分 always takes 零; tens are always written 壹拾.
 */
public final class ChineseAmountWriter {

  /** The largest amount the 11-box grid (亿 to 分) holds. */
  public static final BigDecimal MAX = new BigDecimal("999999999.99");

  private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();
  private static final String[] UNITS = {"", "拾", "佰", "仟"};

  private ChineseAmountWriter() {}

  /**
   * Every legal spelling of {@code amount} (0.01 to {@link #MAX}, at most two decimals), the first
   * being the fullest form (every optional 零 written, 整 after 元).
   */
  public static List<String> variants(BigDecimal amount) {
    long fen = toFen(amount);
    long yuan = fen / 100;
    int jiao = (int) (fen / 10 % 10);
    int fenDigit = (int) (fen % 10);
    Set<String> out = new LinkedHashSet<>();
    for (boolean wanZero : new boolean[] {true, false}) {
      for (boolean yuanZero : new boolean[] {true, false}) {
        for (String suffix : suffixes(jiao, fenDigit)) {
          out.add(compose(yuan, jiao, fenDigit, wanZero, yuanZero, suffix));
        }
      }
    }
    return List.copyOf(out);
  }

  /** One legal spelling of {@code amount}, chosen at random among {@link #variants}. */
  public static String write(BigDecimal amount, RandomGenerator random) {
    List<String> all = variants(amount);
    return all.get(random.nextInt(all.size()));
  }

  private static long toFen(BigDecimal amount) {
    if (amount.signum() <= 0 || amount.compareTo(MAX) > 0) {
      throw new IllegalArgumentException("amount out of range 0.01.." + MAX + ": " + amount);
    }
    try {
      return amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("amount has more than two decimals: " + amount, e);
    }
  }

  private static List<String> suffixes(int jiao, int fenDigit) {
    if (fenDigit != 0) {
      return List.of("");
    }
    return jiao == 0 ? List.of("整", "正") : List.of("", "整", "正");
  }

  private static String compose(
      long yuan, int jiao, int fenDigit, boolean wanZero, boolean yuanZero, String suffix) {
    StringBuilder s = new StringBuilder(yuanWords(yuan, wanZero));
    if (yuan > 0) {
      s.append('元');
    }
    if (jiao == 0 && fenDigit == 0) {
      return s.append(suffix).toString();
    }
    if (jiao != 0) {
      if (yuan > 0 && yuan % 10 == 0 && yuanZero) {
        s.append('零');
      }
      s.append(DIGITS[jiao]).append('角');
      return fenDigit == 0
          ? s.append(suffix).toString()
          : s.append(DIGITS[fenDigit]).append('分').toString();
    }
    if (yuan > 0) {
      s.append('零');
    }
    return s.append(DIGITS[fenDigit]).append('分').toString();
  }

  /** The words for whole yuan before 元; {@code wanZero} writes the optional 零 after a 0 万 digit. */
  private static String yuanWords(long yuan, boolean wanZero) {
    int[] d = new int[9];
    for (int pos = 0; pos < 9; pos++, yuan /= 10) {
      d[pos] = (int) (yuan % 10);
    }
    StringBuilder sb = new StringBuilder();
    boolean started = false;
    boolean pendingZero = false;
    for (int pos = 8; pos >= 0; pos--) {
      if (d[pos] == 0) {
        pendingZero |= started;
        if (pos == 4 && (d[5] | d[6] | d[7]) != 0) {
          sb.append('万');
        }
        continue;
      }
      if (pendingZero) {
        boolean optional = pos == 3 && d[4] == 0;
        if (!optional || wanZero) {
          sb.append('零');
        }
        pendingZero = false;
      }
      sb.append(DIGITS[d[pos]]).append(UNITS[pos % 4]);
      if (pos == 8) {
        sb.append('亿');
      } else if (pos == 4) {
        sb.append('万');
      }
      started = true;
    }
    return sb.toString();
  }
}
