package io.voucherflow.synthetic;

import java.time.LocalDate;

/**
 * Writes a date in capital words as on cheques (出票日期): 贰零贰陆年零壹拾月零贰拾日, and in figures as on other
 * vouchers: 2026年10月20日.
 *
 * <p>Cheque rules: months 壹, 贰 and 壹拾 and days 壹–玖, 壹拾, 贰拾, 叁拾 take a leading 零 (so they cannot be
 * extended afterwards); days 11–19 are written 壹拾壹–壹拾玖.
 */
public final class ChineseDateWriter {

  private static final char[] DIGITS = "零壹贰叁肆伍陆柒捌玖".toCharArray();

  private ChineseDateWriter() {}

  /** The date in capital words, e.g. 零壹月壹拾伍日 for 15 January. */
  public static String words(LocalDate date) {
    StringBuilder year = new StringBuilder();
    for (char c : String.valueOf(date.getYear()).toCharArray()) {
      year.append(DIGITS[c - '0']);
    }
    return year + "年" + month(date.getMonthValue()) + "月" + day(date.getDayOfMonth()) + "日";
  }

  /** The date in figures, e.g. 2026年1月15日. */
  public static String figures(LocalDate date) {
    return date.getYear() + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日";
  }

  static String month(int m) {
    String base = number(m);
    return m == 1 || m == 2 || m == 10 ? "零" + base : base;
  }

  static String day(int d) {
    String base = number(d);
    return d < 10 || d % 10 == 0 ? "零" + base : base;
  }

  /** 1–39 in capitals with tens written 壹拾, 贰拾, 叁拾. */
  private static String number(int n) {
    if (n < 10) {
      return String.valueOf(DIGITS[n]);
    }
    String tens = DIGITS[n / 10] + "拾";
    return n % 10 == 0 ? tens : tens + DIGITS[n % 10];
  }
}
