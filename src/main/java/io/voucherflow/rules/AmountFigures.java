package io.voucherflow.rules;

/**
 * Reads an amount in figures ("1409.50", "1409.5", "1409") into exact fen.
 *
 * <p>So rules compare money as whole numbers, never as doubles.
 */
final class AmountFigures {

  private static final String WHAT = "amount in figures";

  private AmountFigures() {}

  /** 1–9 digits of 元, optionally a point and one or two decimals; no sign, grouping or ¥. */
  static long parseFen(String text) {
    int point = text.indexOf('.');
    int whole = point < 0 ? text.length() : point;
    int decimals = point < 0 ? 0 : text.length() - point - 1;
    if (whole < 1 || whole > 9 || (point >= 0 && (decimals < 1 || decimals > 2))) {
      throw new IllegalNotationException(
          WHAT, "needs 1–9 digits, optionally a point and 1–2 decimals: '" + text + "'", 0);
    }
    long fen = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      if (i == point) {
        continue;
      }
      if (ch < '0' || ch > '9') {
        throw new IllegalNotationException(WHAT, "has " + ch + ", which is not a digit", i + 1);
      }
      fen = fen * 10 + (ch - '0');
    }
    return decimals == 2 ? fen : decimals == 1 ? fen * 10 : fen * 100;
  }
}
