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
   * The paper of {@code candidate} at 2 px/mm, warped from {@code quarter} (the page at a quarter
   * size), or null when the page's frame cannot be this template's.
   */
  static Mat detailed(
      Mat quarter, PageImage page, PixelBox frame, CorrelationLayoutCandidate candidate) {
    Region f = candidate.frameMm();
    double sx = frame.width() / f.width(); // page pixels per template millimetre
    double sy = frame.height() / f.height();
    if (Math.abs(sx / sy - 1) > MAX_ASPECT_DIFFERENCE) {
      return null;
    }
    double paperX = frame.x() - f.x() * sx;
    double paperY = frame.y() - f.y() * sy;
    double qx = page.width() / (double) quarter.cols();
    double qy = page.height() / (double) quarter.rows();
    double d = LayoutSignature.DETAIL_PX_PER_MM;
    double[] toDetail = {qx * d / sx, 0, -paperX * d / sx, 0, qy * d / sy, -paperY * d / sy};
    Mat detailed = new Mat();
    warpAffine(
        quarter,
        detailed,
        TransformFit.toMat(
            PageTransform.affine(toDetail[0], 0, toDetail[2], 0, toDetail[4], toDetail[5])),
        Scaling.sizeAt(candidate.template().page(), d),
        INTER_LINEAR,
        BORDER_CONSTANT,
        new Scalar(255));
    return detailed;
  }
}
