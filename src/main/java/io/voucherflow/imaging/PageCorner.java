package io.voucherflow.imaging;

/** A corner of a page image, where a QR code is looked for first. */
public enum PageCorner {
  TOP_LEFT,
  TOP_RIGHT,
  BOTTOM_LEFT,
  BOTTOM_RIGHT
}
