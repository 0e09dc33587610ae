package io.voucherflow.rules;

import java.math.BigDecimal;

/**
 * Reads an amount in capital Chinese words (大写金额), in every spelling the PBOC rules allow.
 *
 * <p>Accepted: an optional 人民币 prefix; exactly one 零 for a run of zero digits between written
 * digits; where the 万 digit is 0 (alone or ending a run) before a non-zero 仟 digit, and where the 元
 * digit is 0 before a non-zero 角 digit, one 零 or none; 零 between 元 and a 分 digit when 角 is 0; 整 or
 * 正 after 元 (required when there are no 角 and 分), optional after 角, never after 分; tens written 壹拾;
 * amounts below one 元 without 元 (伍角, 伍分); the traditional characters {@link CapitalNumerals} folds.
 * Refused: 零 where no digit is zero or twice in a row, a digit without its unit, units out of
 * order, a missing 整 or 零 where one is required, zero, anything above {@link #MAX} (the 11 boxes, 亿
 * to 分, of the amount in figures), and every other character — including whitespace inside the text
 * (whitespace around it is ignored).
 */
public final class ChineseAmountParser {

  /** The largest amount the figures grid of a voucher holds. */
  public static final BigDecimal MAX = new BigDecimal("999999999.99");

  private static final String WHAT = "amount in words";

  private ChineseAmountParser() {}

  /** The amount {@code text} spells, with scale 2 (壹仟肆佰零玖元伍角 → 1409.50). */
  public static BigDecimal parse(String text) {
    return BigDecimal.valueOf(parseFen(text), 2);
  }

  /** The amount {@code text} spells, in fen (分): 壹仟肆佰零玖元伍角 → 140950. */
  public static long parseFen(String text) {
    if (text == null) {
      throw error("is missing", 0);
    }
    int from = 0;
    int to = text.length();
    while (from < to && Character.isWhitespace(text.charAt(from))) {
      from++;
    }
    while (to > from && Character.isWhitespace(text.charAt(to - 1))) {
      to--;
    }
    if (from == to) {
      throw error("is empty", 0);
    }
    return new AmountWordsReader(text, from, to).read();
  }

  static IllegalNotationException error(String reason, int position) {
    return new IllegalNotationException(WHAT, reason, position);
  }
}
