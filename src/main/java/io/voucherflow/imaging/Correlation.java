package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgproc.TM_CCOEFF_NORMED;
import static org.bytedeco.opencv.global.opencv_imgproc.matchTemplate;

import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Rect;

/** Normalised cross-correlation of a small patch inside a search window: the one search we use. */
final class Correlation {

  /** Where the patch's top-left corner fits best (sub-pixel), and how well, in [-1, 1]. */
  record Peak(double x, double y, double score) {

    static final Peak NONE = new Peak(0, 0, -1);
  }

  private Correlation() {}

  /**
   * Searches {@code patch} only inside {@code window} of {@code image} (never the whole page: the
   * cost grows with the window area). Coordinates of the peak are in {@code image} pixels.
   */
  static Peak find(Mat image, Mat patch, PixelBox window) {
    PixelBox inside = window.clampTo(image.cols(), image.rows());
    if (inside.width() < patch.cols() || inside.height() < patch.rows() || patch.empty()) {
      return Peak.NONE;
    }
    try (Rect rect = new Rect(inside.x(), inside.y(), inside.width(), inside.height());
        Mat view = new Mat(image, rect);
        Mat result = new Mat();
        Point best = new Point()) {
      matchTemplate(view, patch, result, TM_CCOEFF_NORMED);
      double[] max = new double[1];
      minMaxLoc(result, null, max, null, best, null);
      if (Double.isNaN(max[0])) {
        return Peak.NONE;
      }
      try (FloatIndexer scores = result.createIndexer()) {
        double dx = offset(scores, best.x(), best.y(), 1, 0, result.cols());
        double dy = offset(scores, best.x(), best.y(), 0, 1, result.rows());
        return new Peak(inside.x() + best.x() + dx, inside.y() + best.y() + dy, max[0]);
      }
    }
  }

  /** Parabola through the peak and its two neighbours along one axis; 0 at the window's edge. */
  private static double offset(FloatIndexer scores, int x, int y, int stepX, int stepY, int size) {
    int at = stepX == 1 ? x : y;
    if (at <= 0 || at >= size - 1) {
      return 0;
    }
    double before = scores.get(y - stepY, x - stepX);
    double centre = scores.get(y, x);
    double after = scores.get(y + stepY, x + stepX);
    double curvature = before - 2 * centre + after;
    if (curvature >= 0) {
      return 0;
    }
    return Math.max(-0.5, Math.min(0.5, (before - after) / (2 * curvature)));
  }
}
