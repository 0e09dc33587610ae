package io.voucherflow.imaging;

/**
 * Where the form lies on a scanned page, measured without moving a pixel: the skew (degrees,
 * counter-clockwise positive), whether it is worth correcting, the transform from scan pixels to
 * the straightened page (a rotation about the page centre; identity when not corrected), and the
 * box of the form's printed frame on the straightened page (null when none was found). Later stages
 * fold the rotation into their own single warp instead of rotating the whole page first.
 */
public record Skew(
    double angleDegrees, boolean corrected, PageTransform toStraight, PixelBox frame) {

  /** No skew and no frame known: the page is taken as it is. */
  public static Skew none() {
    return new Skew(0, false, PageTransform.identity(), null);
  }
}
