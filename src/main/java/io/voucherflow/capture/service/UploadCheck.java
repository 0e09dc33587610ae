package io.voucherflow.capture.service;

import io.voucherflow.capture.config.CaptureConfig;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.imaging.ImageFormat;
import io.voucherflow.imaging.ImageHeader;
import io.voucherflow.imaging.ImageProbe;
import io.voucherflow.imaging.UnreadableImageException;

/**
 * The limits an upload must meet before anything is stored, checked from the bytes' length and
 * headers only: no pixel is decoded, so a decompression bomb costs nothing.
 */
final class UploadCheck {

  private final CaptureConfig limits;

  UploadCheck(CaptureConfig limits) {
    this.limits = limits;
  }

  /**
   * The header of an acceptable image for part {@code part} ("front" or "back"); refuses anything
   * else.
   */
  ImageHeader check(String part, byte[] bytes, int maxPages) {
    if (bytes.length == 0) {
      throw InvalidInputException.ofField("capture.image-empty", part, "is empty (0 bytes)");
    }
    if (bytes.length > limits.maxBytes()) {
      throw InvalidInputException.ofField(
          "capture.image-too-large",
          part,
          "is " + bytes.length + " bytes; the limit is " + limits.maxBytes());
    }
    ImageHeader header;
    try {
      header = ImageProbe.probe(bytes);
    } catch (UnreadableImageException e) {
      throw InvalidInputException.ofField(
          "capture.image-unreadable",
          part,
          "is not a readable JPEG, PNG or TIFF image (" + e.getMessage() + ")");
    }
    if (header.pageCount() > maxPages) {
      throw InvalidInputException.ofField(
          "capture.too-many-pages",
          part,
          "has "
              + header.pageCount()
              + " pages; at most "
              + maxPages
              + " (front, then back) are accepted");
    }
    if (header.totalPixels() > limits.maxPixels() || header.width() <= 0 || header.height() <= 0) {
      throw InvalidInputException.ofField(
          "capture.image-too-many-pixels",
          part,
          "declares " + header.totalPixels() + " pixels; the limit is " + limits.maxPixels());
    }
    if (header.pageCount() > 1 && header.format() != ImageFormat.TIFF) {
      throw InvalidInputException.ofField(
          "capture.image-unreadable", part, "only TIFF may hold several pages");
    }
    return header;
  }
}
