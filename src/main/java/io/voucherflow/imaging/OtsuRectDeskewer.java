package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.vconcat;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.getRotationMatrix2D;
import static org.bytedeco.opencv.global.opencv_imgproc.minAreaRect;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Measures skew as the angle of the smallest rectangle around the printed content, on a half-size
 * Otsu ink mask. A voucher's outer frame and boxes make that rectangle's sides parallel to the
 * print, which is ten times cheaper than Canny and Hough lines and as exact on forms (±0.1°). It
 * assumes paper on a light background (the scanner's white backing or an auto-cropped scan).
 */
public final class OtsuRectDeskewer implements Deskewer {

  // Half size: the frame is still hundreds of pixels long, so one pixel of quantisation is under
  // 0.1°, and the mask costs a quarter.
  /** A contour at least this share of the page wide is taken for the form's frame. */
  private static final double FRAME_MIN_WIDTH = 0.5;

  private static final double MASK_SCALE = 0.5;
  // Contours smaller than this (mask pixels) are dust and JPEG speckle, not print.
  private static final int MIN_BLOB_PX = 3;
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
    double angle = measure(page);
    if (Double.isNaN(angle)
        || Math.abs(angle) < minCorrectionDegrees
        || Math.abs(angle) > maxAngleDegrees + TOLERANCE_DEGREES) {
      return new Deskewed(Double.isNaN(angle) ? 0 : angle, false, page.share());
    }
    return new Deskewed(angle, true, rotate(page, angle));
  }

  /** The skew in degrees (counter-clockwise positive), or NaN when the page shows no print. */
  public double measure(PageImage page) {
    try (PointerScope scope = new PointerScope()) {
      Mat small = new Mat();
      resize(page.mat(), small, new Size(), MASK_SCALE, MASK_SCALE, INTER_AREA);
      Mat ink = new Mat();
      threshold(small, ink, 0, 255, THRESH_BINARY_INV | THRESH_OTSU);
      MatVector contours = new MatVector();
      // Outer contours only: their hull is the hull of all ink, at a fraction of the points.
      findContours(ink, contours, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
      MatVector interior = new MatVector();
      MatVector touching = new MatVector();
      for (long i = 0; i < contours.size(); i++) {
        Mat contour = contours.get(i);
        Rect r = boundingRect(contour);
        if (r.width() < MIN_BLOB_PX && r.height() < MIN_BLOB_PX) {
          continue; // dust and JPEG speckle
        }
        boolean touchesBorder =
            r.x() <= 0
                || r.y() <= 0
                || r.x() + r.width() >= ink.cols()
                || r.y() + r.height() >= ink.rows();
        (touchesBorder ? touching : interior).push_back(contour);
      }
      // The printed frame is the best witness: one connected contour of ruling lines whose sides
      // are the form's axes. The hull of all ink is not: titles, seals and QR codes stick out of
      // it.
      Mat frame = largest(interior);
      if (frame != null && boundingRect(frame).width() >= FRAME_MIN_WIDTH * ink.cols()) {
        return normalise(minAreaRect(frame).angle());
      }
      // Ink touching the border is usually a scanner edge shadow, which would pull the rectangle
      // onto the image edges; use it only when the frame itself reaches the border (tight crop).
      MatVector print = interior.size() > 0 ? interior : touching;
      if (print.size() == 0) {
        return Double.NaN;
      }
      Mat points = new Mat();
      vconcat(print, points);
      RotatedRect box = minAreaRect(points);
      return normalise(box.angle());
    }
  }

  /** The contour with the largest bounding box, or null. */
  private static Mat largest(MatVector contours) {
    Mat best = null;
    long bestArea = 0;
    for (long i = 0; i < contours.size(); i++) {
      Rect r = boundingRect(contours.get(i));
      long area = (long) r.width() * r.height();
      if (area > bestArea) {
        bestArea = area;
        best = contours.get(i);
      }
    }
    return best;
  }

  /**
   * OpenCV reports the rectangle's angle in (0°, 90°], clockwise on screen, for whichever side it
   * takes as width; a page is skewed by that angle modulo 90°, folded into ±45°, with the sign
   * turned to counter-clockwise positive.
   */
  private static double normalise(double openCvAngle) {
    double a = openCvAngle % 90;
    if (a > 45) {
      a -= 90;
    } else if (a < -45) {
      a += 90;
    }
    return -a;
  }

  private static PageImage rotate(PageImage page, double angle) {
    try (PointerScope scope = new PointerScope()) {
      Point2f centre = new Point2f(page.width() / 2f, page.height() / 2f);
      // getRotationMatrix2D turns counter-clockwise for positive angles; undo the skew.
      Mat matrix = getRotationMatrix2D(centre, -angle, 1.0);
      Mat straight = new Mat();
      warpAffine(
          page.mat(),
          straight,
          matrix,
          new Size(page.width(), page.height()),
          INTER_LINEAR,
          BORDER_CONSTANT,
          new Scalar(255));
      return new PageImage(straight);
    }
  }
}
