package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.voucherflow.template.PageSize;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/** Shrinking pages to the fixed millimetre scales the matchers compare them at. */
final class Scaling {

  private Scaling() {}

  /** The pixel size of a page drawn at {@code pxPerMm}. */
  static Size sizeAt(PageSize page, double pxPerMm) {
    return new Size(
        (int) Math.max(1, Math.round(page.widthMm() * pxPerMm)),
        (int) Math.max(1, Math.round(page.heightMm() * pxPerMm)));
  }

  /**
   * Area-averaged downscale to exactly {@code target} (stretching if the aspect differs, as the
   * template model assumes the image spans the paper). Area averaging keeps thin printed lines as
   * faint lines instead of dropping them as sampling would. OpenCV averages an exact halving about
   * forty times faster than an arbitrary ratio, so the page is halved while it can be and only the
   * small remainder is resized at the odd ratio.
   */
  static Mat shrink(Mat source, Size target) {
    Mat current = source;
    while (current.cols() >= 2 * target.width() && current.rows() >= 2 * target.height()) {
      Mat half = new Mat();
      // By the factor, not a size: for an odd width a size is an odd ratio and the slow path.
      resize(current, half, new Size(), 0.5, 0.5, INTER_AREA);
      if (current != source) {
        current.close();
      }
      current = half;
    }
    if (current.cols() == target.width() && current.rows() == target.height()) {
      return current == source ? current.clone() : current;
    }
    Mat out = new Mat();
    resize(current, out, target, 0, 0, INTER_AREA);
    if (current != source) {
      current.close();
    }
    return out;
  }
}
