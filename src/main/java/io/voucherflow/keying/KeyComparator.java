package io.voucherflow.keying;

import io.voucherflow.rules.ChineseAmountParser;
import io.voucherflow.rules.ChineseDateParser;
import io.voucherflow.template.FieldKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares two keys (or a key and OCR) of one field the way the field's kind means them: amounts as
 * numbers ({@code 1,409.50} = {@code 1409.5}), amounts in words by the amount they spell (every
 * PBOC spelling), dates by the day, and everything with spaces dropped and full-width characters
 * made half-width.
 */
public final class KeyComparator {

  private static final Pattern ISO_LIKE = Pattern.compile("(\\d{4})[-/.](\\d{1,2})[-/.](\\d{1,2})");
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

  private KeyComparator() {}

  /** True when both values state the same thing for a field of this kind. */
  public static boolean same(FieldKind kind, String a, String b) {
    if (a == null || b == null) {
      return false;
    }
    return Objects.equals(meaning(kind, a), meaning(kind, b));
  }

  /**
   * The value as it is stored once final: figures as {@code 1409.50}, dates as ISO, digit fields as
   * digits, text cleaned of spaces and full-width forms; amount and date words stay as written.
   */
  public static String canonical(FieldKind kind, String value) {
    if (value == null) {
      return null;
    }
    String clean = clean(value);
    return switch (kind) {
      case AMOUNT_FIGURES -> {
        BigDecimal amount = figures(clean);
        yield amount == null ? clean : amount.setScale(2).toPlainString();
      }
      case DATE -> {
        LocalDate d = date(clean);
        yield d == null ? clean : d.toString();
      }
      case ACCOUNT, NUMBER, PAYMENT_PASSWORD -> clean.replace("-", "");
      default -> clean;
    };
  }

  /** What the value means, for comparison: an amount, a day, or the canonical text. */
  static String meaning(FieldKind kind, String value) {
    String clean = clean(value);
    return switch (kind) {
      case AMOUNT_WORDS -> {
        BigDecimal amount = words(clean);
        yield amount == null ? "text:" + clean : "amount:" + amount.toPlainString();
      }
      case AMOUNT_FIGURES -> {
        BigDecimal amount = figures(clean);
        yield amount == null ? "text:" + clean : "amount:" + amount.toPlainString();
      }
      case DATE, DATE_WORDS -> {
        LocalDate d = date(clean);
        yield d == null ? "text:" + clean : "date:" + d;
      }
      default -> "text:" + canonical(kind, value);
    };
  }

  /** Full-width ASCII forms and the ideographic space to half-width, then no whitespace at all. */
  static String clean(String value) {
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= '\uFF01' && c <= '\uFF5E') {
        c = (char) (c - 0xFEE0);
      } else if (c == '\u3000') {
        c = ' ';
      }
      if (!Character.isWhitespace(c) && c != '\u00A0') {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static BigDecimal figures(String clean) {
    String digits = clean.replace(",", "").replace("¥", "").replace("￥", "");
    if (digits.startsWith("RMB")) {
      digits = digits.substring(3);
    }
    if (!digits.matches("\\d{1,12}(\\.\\d{1,2})?")) {
      return null;
    }
    return new BigDecimal(digits).setScale(2);
  }

  private static BigDecimal words(String clean) {
    try {
      return ChineseAmountParser.parse(clean);
    } catch (RuntimeException notWords) {
      return figures(clean);
    }
  }

  private static LocalDate date(String clean) {
    try {
      Matcher m = ISO_LIKE.matcher(clean);
      if (m.matches()) {
        return LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
      }
      m = COMPACT.matcher(clean);
      if (m.matches()) {
        return LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
      }
      return ChineseDateParser.parse(clean);
    } catch (RuntimeException notADate) {
      return null;
    }
  }
}
