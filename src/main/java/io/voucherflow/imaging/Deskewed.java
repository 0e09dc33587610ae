package io.voucherflow.imaging;

/**
 * A deskewed page: the skew that was measured (degrees, counter-clockwise positive, see {@link
 * Deskewer}), whether the page was actually rotated (not when the skew is negligible or outside the
 * trusted range), and the resulting page, which this result owns.
 */
public record Deskewed(double angleDegrees, boolean corrected, PageImage page)
    implements AutoCloseable {

  @Override
  public void close() {
    page.close();
  }
}
