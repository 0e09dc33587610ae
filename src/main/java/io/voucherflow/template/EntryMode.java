package io.voucherflow.template;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a field is keyed: slice entry (切片录入), whole-voucher entry (整票录入), OCR only, or not at all.
 */
public enum EntryMode {
  SLICE,
  WHOLE,
  OCR_ONLY,
  NONE;

  @JsonValue
  public String json() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
