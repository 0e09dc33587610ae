package io.voucherflow.imaging;

/**
 * One field's image: the field name, the pixel box it was cut from on the aligned page, and the
 * PNG. Deliberately nothing else: a slice is what an outsourced keyer sees, so it carries no
 * voucher identity, account or case reference.
 */
public record Slice(String fieldName, PixelBox box, byte[] png) {}
