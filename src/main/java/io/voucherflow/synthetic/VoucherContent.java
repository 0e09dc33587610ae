package io.voucherflow.synthetic;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What is written on one synthetic voucher: its serial, the QR payload (null when the voucher has
 * no QR code), the pen style and each field's value by field name (in template order).
 */
public record VoucherContent(
    String serial, String qrPayload, PenStyle style, Map<String, FieldValue> values) {

  public VoucherContent {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
  }
}
