package io.voucherflow.template;

import io.voucherflow.common.error.InvalidInputException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/** Checks a template's reference image from its header, without decoding its pixels. */
public final class ReferenceImages {

  /**
   * How far the image's aspect ratio may stray from the page's before regions would land wrongly.
   */
  private static final double ASPECT_TOLERANCE = 0.02;

  private ReferenceImages() {}

  /** Width and height of a PNG or JPEG reference image matching the page's aspect ratio. */
  public static int[] check(byte[] image, PageSize page) {
    int[] size = dimensions(image);
    double expected = page.widthMm() / page.heightMm();
    double actual = (double) size[0] / size[1];
    if (Math.abs(actual - expected) / expected > ASPECT_TOLERANCE) {
      throw InvalidInputException.ofField(
          "template.reference-image-mismatch",
          "referenceImage",
          "is "
              + size[0]
              + "x"
              + size[1]
              + " px, which does not have the page's aspect ratio "
              + page.widthMm()
              + ":"
              + page.heightMm());
    }
    return size;
  }

  private static int[] dimensions(byte[] image) {
    if (image == null || image.length == 0) {
      throw InvalidInputException.ofField(
          "template.reference-image-missing", "referenceImage", "is required");
    }
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(image))) {
      Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
      while (readers.hasNext()) {
        ImageReader reader = readers.next();
        String format = reader.getFormatName().toLowerCase(java.util.Locale.ROOT);
        if (format.equals("png") || format.equals("jpeg")) {
          try {
            reader.setInput(in);
            return new int[] {reader.getWidth(0), reader.getHeight(0)};
          } finally {
            reader.dispose();
          }
        }
      }
    } catch (IOException unreadable) {
      // reported below
    }
    throw InvalidInputException.ofField(
        "template.reference-image-unreadable", "referenceImage", "must be a PNG or JPEG image");
  }
}
