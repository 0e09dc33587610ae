package io.voucherflow.imaging;

/**
 * A deskewed page: the skew that was measured (degrees, counter-clockwise positive, see {@link
 * Deskewer}), whether the page was actually rotated (not when the skew is negligible or outside the
 * trusted range), the resulting page, which this result owns, and the box of the form's printed
 * frame on it (null when no frame was found), which tells the aligner where the form sits.
 */
public record Deskewed(double angleDegrees, boolean corrected, PageImage page, PixelBox frame)
    implements AutoCloseable {

  public Deskewed(double angleDegrees, boolean corrected, PageImage page) {
    this(angleDegrees, corrected, page, null);
  }

  @Override
  public void close() {
    page.close();
  }
}
