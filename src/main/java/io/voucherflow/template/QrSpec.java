package io.voucherflow.template;

/**
 * Where a template's QR code is printed. Its payload is {@code VF|<code>|<version>|<serial>}, so
 * the code alone names template, version and the voucher's serial number.
 */
public record QrSpec(Region region) {

  public static final String PAYLOAD_PREFIX = "VF|";
}
