package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_core.bitwise_or;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_OPEN;
import static org.bytedeco.opencv.global.opencv_imgproc.MORPH_RECT;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.getStructuringElement;
import static org.bytedeco.opencv.global.opencv_imgproc.morphologyEx;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import io.voucherflow.template.PageSize;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The images {@link CorrelationLayoutMatcher} compares, at fixed millimetre scales: a detailed
 * grayscale page (2 px/mm) for anchors, and the page's ruling (frames, box edges, underlines) as a
 * 1 px/mm thumbnail. The ruling is what a layout is; the filled-in text differs on every voucher.
 */
final class LayoutSignature {

  // 2 px/mm still shows a title's word shapes; 1 px/mm keeps a form's boxes and drops the rest.
  static final double DETAIL_PX_PER_MM = 2.0;
  static final double RULING_PX_PER_MM = 1.0;
  // Strokes of characters are shorter than this; box edges and underlines are longer.
  private static final double MIN_RULE_MM = 8;

  private LayoutSignature() {}

  /** The page area-averaged to 2 px/mm of {@code paper} (stretched if its aspect differs). */
  static Mat detailed(Mat page, PageSize paper) {
    return Scaling.shrink(page, Scaling.sizeAt(paper, DETAIL_PX_PER_MM));
  }

  /** The horizontal and vertical rules of a detailed page, as a blurred 1 px/mm thumbnail. */
  static Mat ruling(Mat detailed, PageSize paper) {
    int length = (int) Math.round(MIN_RULE_MM * DETAIL_PX_PER_MM);
    Mat ink = new Mat();
    threshold(detailed, ink, 0, 255, THRESH_BINARY_INV | THRESH_OTSU);
    Mat horizontal = new Mat();
    Mat vertical = new Mat();
    morphologyEx(
        ink, horizontal, MORPH_OPEN, getStructuringElement(MORPH_RECT, new Size(length, 1)));
    morphologyEx(ink, vertical, MORPH_OPEN, getStructuringElement(MORPH_RECT, new Size(1, length)));
    Mat rules = new Mat();
    bitwise_or(horizontal, vertical, rules);
    Mat thumb = Scaling.shrink(rules, Scaling.sizeAt(paper, RULING_PX_PER_MM));
    // Lets a rule a pixel or two off (scan offset, scale) still overlap its reference.
    GaussianBlur(thumb, thumb, new Size(5, 5), 0);
    return thumb;
  }

  /** {@code source} scaled by {@code factor}. */
  static Mat scaled(Mat source, double factor) {
    Mat out = new Mat();
    resize(source, out, new Size(), factor, factor, INTER_LINEAR);
    return out;
  }
}
