package io.voucherflow.imaging;

/** The image container formats captures may arrive in. */
public enum ImageFormat {
  JPEG,
  PNG,
  TIFF
}
