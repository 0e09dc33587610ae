package io.voucherflow.synthetic;

/**
 * One field's content on a synthetic voucher: {@code value} is the canonical form a keyer would key
 * and the data checks compare (digits, {@code 1409.50}, ISO date, a name), {@code text} what is
 * written on the paper ({@code ¥140950}, 壹仟肆佰零玖元伍角, 贰零贰陆年零壹拾月零贰拾日).
 */
public record FieldValue(String value, String text) {

  /** A field whose written text is its value. */
  public static FieldValue of(String text) {
    return new FieldValue(text, text);
  }
}
