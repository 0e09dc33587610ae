package io.voucherflow.imaging;

/**
 * Measures skew as the angle of the smallest rectangle around the form's printed frame, found by
 * {@link FrameFinder} on a half-size Otsu ink mask (the rectangle around all print when there is no
 * frame). That is ten times cheaper than Canny and Hough lines and as exact on forms (±0.1°), on a
 * light or a dark scanner bed.
 */
public final class OtsuRectDeskewer implements Deskewer {

  // The measure's own error; a page turned exactly by the limit must not be refused for it.
  private static final double TOLERANCE_DEGREES = 0.5;

  private final double maxAngleDegrees;
  private final double minCorrectionDegrees;

  /**
   * @param maxAngleDegrees the largest skew trusted and corrected (the measure is only defined
   *     within ±45°; vouchers fed by hand stay within ±15°)
   * @param minCorrectionDegrees skews smaller than this are left alone, saving the rotation
   */
  public OtsuRectDeskewer(double maxAngleDegrees, double minCorrectionDegrees) {
    if (maxAngleDegrees <= 0 || maxAngleDegrees > 45 || minCorrectionDegrees < 0) {
      throw new IllegalArgumentException("angles out of range");
    }
    this.maxAngleDegrees = maxAngleDegrees;
    this.minCorrectionDegrees = minCorrectionDegrees;
  }

  @Override
  public Deskewed deskew(PageImage page) {
    Skew skew = locate(page);
    PageImage straight = skew.corrected() ? page.transformed(skew.toStraight()) : page.share();
    return new Deskewed(skew.angleDegrees(), skew.corrected(), straight, skew.frame());
  }

  @Override
  public Skew locate(PageImage page) {
    FrameFinder.Found found = FrameFinder.find(page);
    double angle = found.angleDegrees();
    boolean corrected =
        !Double.isNaN(angle)
            && Math.abs(angle) >= minCorrectionDegrees
            && Math.abs(angle) <= maxAngleDegrees + TOLERANCE_DEGREES;
    PageTransform toStraight =
        corrected ? rotation(page.width(), page.height(), angle) : PageTransform.identity();
    PixelBox frame = null;
    if (found.frameCorners() != null) {
      double[] moved = new double[8];
      for (int i = 0; i < 4; i++) {
        double[] p = toStraight.map(found.frameCorners()[2 * i], found.frameCorners()[2 * i + 1]);
        moved[2 * i] = p[0];
        moved[2 * i + 1] = p[1];
      }
      PixelBox inside = PixelBox.around(moved).clampTo(page.width(), page.height());
      frame = inside.isEmpty() ? null : inside;
    }
    return new Skew(Double.isNaN(angle) ? 0 : angle, corrected, toStraight, frame);
  }

  /** The skew in degrees (counter-clockwise positive), or NaN when the page shows no print. */
  public double measure(PageImage page) {
    return FrameFinder.find(page).angleDegrees();
  }

  /**
   * Turns the page clockwise by {@code angle} about its centre (as OpenCV's {@code
   * getRotationMatrix2D(centre, -angle, 1)}), undoing a counter-clockwise skew.
   */
  private static PageTransform rotation(int width, int height, double angle) {
    double theta = Math.toRadians(-angle);
    double alpha = Math.cos(theta);
    double beta = Math.sin(theta);
    double cx = width / 2.0;
    double cy = height / 2.0;
    return PageTransform.affine(
        alpha, beta, (1 - alpha) * cx - beta * cy, -beta, alpha, beta * cx + (1 - alpha) * cy);
  }
}
