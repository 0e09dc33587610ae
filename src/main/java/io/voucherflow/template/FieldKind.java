package io.voucherflow.template;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a field holds, which decides how it is keyed, read and checked. */
public enum FieldKind {
  ACCOUNT,
  AMOUNT_FIGURES,
  AMOUNT_WORDS,
  DATE,
  DATE_WORDS,
  TEXT,
  NUMBER,
  PAYMENT_PASSWORD,
  SEAL,
  SIGNATURE;

  /** The JSON name, e.g. {@code amount_figures}. */
  @JsonValue
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
