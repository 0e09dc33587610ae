package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import io.voucherflow.template.Region;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Cuts a candidate template's paper out of a scan whose printed frame was found: if that frame is
 * the template's frame, the paper lies around it as the template says, whatever scanner bed the
 * scan shows. The cut is at the layout matcher's detail scale.
 */
final class PaperPlacement {

  // Frames of one form agree in shape to a percent or two (deskew residue, rounding); a larger
  // difference means the page is another form.
  private static final double MAX_ASPECT_DIFFERENCE = 0.05;

  private PaperPlacement() {}

  /**
   * The paper of {@code candidate} at 2 px/mm, warped from {@code quarter} (the scan at a quarter
   * size) with the straightening folded in, or null when the page's frame cannot be this
   * template's.
   */
  static Mat detailed(
      Mat quarter, PageImage page, Skew skew, CorrelationLayoutCandidate candidate) {
    Region f = candidate.frameMm();
    PixelBox frame = skew.frame();
    double sx = frame.width() / f.width(); // page pixels per template millimetre
    double sy = frame.height() / f.height();
    if (Math.abs(sx / sy - 1) > MAX_ASPECT_DIFFERENCE) {
      return null;
    }
    double d = LayoutSignature.DETAIL_PX_PER_MM;
    PageTransform quarterToDetail =
        PageTransform.scale(
                page.width() / (double) quarter.cols(), page.height() / (double) quarter.rows())
            .then(skew.toStraight())
            .then(
                PageTransform.affine(
                    d / sx,
                    0,
                    -(frame.x() - f.x() * sx) * d / sx,
                    0,
                    d / sy,
                    -(frame.y() - f.y() * sy) * d / sy));
    Mat detailed = new Mat();
    warpAffine(
        quarter,
        detailed,
        TransformFit.toMat(quarterToDetail),
        Scaling.sizeAt(candidate.template().page(), d),
        INTER_LINEAR,
        BORDER_CONSTANT,
        new Scalar(255));
    return detailed;
  }
}
