package io.voucherflow.rules;

import java.nio.CharBuffer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a voucher date in capital words (贰零贰陆年零壹拾月零贰拾日) or in figures (2026年10月20日).
 *
 * <p>Capital dates are held to the cheque rule exactly, because it exists so that a date cannot be
 * extended afterwards: months 壹, 贰 and 壹拾 and days 壹–玖, 壹拾, 贰拾, 叁拾 must carry a leading 零, no other
 * month or day may, and tens are written 壹拾 (so 壹拾月, 拾月, 零叁月 and 拾伍日 are refused). The year is four
 * capital digits, 零 for 0. Traditional characters are folded as in {@link CapitalNumerals}. Figures
 * may have a leading zero in month and day (2026年01月05日) since no cheque rule applies there.
 * Whitespace around the text is ignored; a date that does not exist (零贰月叁拾日) is refused.
 */
public final class ChineseDateParser {

  private static final String WHAT = "date";
  private static final Pattern FIGURES = Pattern.compile("(\\d{4})年(\\d{1,2})月(\\d{1,2})日");

  private ChineseDateParser() {}

  /** The date {@code text} spells. */
  public static LocalDate parse(String text) {
    String t = text == null ? "" : text.strip();
    if (t.isEmpty()) {
      throw error("is empty", 0);
    }
    Matcher figures = FIGURES.matcher(t);
    if (figures.matches()) {
      return date(
          Integer.parseInt(figures.group(1)),
          Integer.parseInt(figures.group(2)),
          Integer.parseInt(figures.group(3)));
    }
    try {
      return capitals(t, CapitalNumerals.fold(t));
    } catch (IllegalNotationException e) {
      throw e.shifted(text.length() - text.stripLeading().length());
    }
  }

  private static LocalDate capitals(String t, char[] c) {
    int year = 0;
    for (int k = 0; k < 4; k++) {
      int d = k < c.length ? CapitalNumerals.digit(c[k]) : -1;
      if (d < 0) {
        throw error("needs a year of four capital digits (or figures) before 年", k + 1);
      }
      year = year * 10 + d;
    }
    if (c.length < 5 || c[4] != '年') {
      throw error("needs 年 after the year", 5);
    }
    int monthEnd = t.indexOf('月', 5);
    if (monthEnd < 0) {
      throw error("has no 月", 0);
    }
    int dayEnd = t.indexOf('日', monthEnd + 1);
    if (dayEnd != c.length - 1) {
      throw error(dayEnd < 0 ? "has no 日" : "has text after 日", dayEnd < 0 ? 0 : dayEnd + 2);
    }
    int month = number(c, 5, monthEnd, "month");
    int day = number(c, monthEnd + 1, dayEnd, "day");
    if (month < 1 || month > 12) {
      throw error("has no month " + month, 6);
    }
    checkWritten(c, 5, monthEnd, "month", month, monthWords(month));
    checkWritten(c, monthEnd + 1, dayEnd, "day", day, dayWords(day));
    return date(year, month, day);
  }

  /** 1–39 from 壹…玖, 壹拾…叁拾玖 with or without a leading 零; the exact spelling is checked later. */
  private static int number(char[] c, int from, int to, String what) {
    int k = from < to && c[from] == '零' ? from + 1 : from;
    int len = to - k;
    int first = len > 0 ? CapitalNumerals.digit(c[k]) : -1;
    if (first > 0 && len == 1) {
      return first;
    }
    if (first > 0 && c[k + 1] == '拾' && len <= 3) {
      int units = len == 3 ? CapitalNumerals.digit(c[k + 2]) : 0;
      if (units >= 0 && (len == 2 || units > 0)) {
        return first * 10 + units;
      }
    }
    throw error("needs the " + what + " in capital numerals", from + 1);
  }

  private static void checkWritten(
      char[] c, int from, int to, String what, int value, String expected) {
    if (!expected.contentEquals(CharBuffer.wrap(c, from, to - from))) {
      throw error(what + " " + value + " must be written " + expected, from + 1);
    }
  }

  /** The cheque spelling of a month: 零 before 壹, 贰 and 壹拾. */
  static String monthWords(int m) {
    return m == 1 || m == 2 || m == 10 ? "零" + words(m) : words(m);
  }

  /** The cheque spelling of a day: 零 before 壹–玖 and the whole tens. */
  static String dayWords(int d) {
    return d < 10 || d % 10 == 0 ? "零" + words(d) : words(d);
  }

  private static String words(int n) {
    if (n < 10) {
      return String.valueOf(CapitalNumerals.capital(n));
    }
    String tens = CapitalNumerals.capital(n / 10) + "拾";
    return n % 10 == 0 ? tens : tens + CapitalNumerals.capital(n % 10);
  }

  private static LocalDate date(int year, int month, int day) {
    try {
      return LocalDate.of(year, month, day);
    } catch (DateTimeException e) {
      throw error("is no such date (" + year + "-" + month + "-" + day + ")", 0);
    }
  }

  private static IllegalNotationException error(String reason, int position) {
    return new IllegalNotationException(WHAT, reason, position);
  }
}
