package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.REDUCE_SUM;
import static org.bytedeco.opencv.global.opencv_core.reduce;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Whitens the printed box frame and digit-box separators in a slice before OCR: Tesseract reads a
 * vertical rule as "1" or "|". A pixel row or column that is ink across most of the slice is a
 * rule; no character fills that much of a line.
 */
final class FrameLineEraser {

  // A digit is at most ~70 % of its box's height; a rule spans the whole box.
  private static final double RULE_FRACTION = 0.8;

  private FrameLineEraser() {}

  /** A copy of {@code slice} without its rules; the caller closes it. */
  static Mat erase(Mat slice) {
    Mat clean = slice.clone();
    try (PointerScope scope = new PointerScope()) {
      Mat ink = new Mat();
      threshold(slice, ink, 0, 1, THRESH_BINARY_INV | THRESH_OTSU);
      Mat perColumn = new Mat();
      Mat perRow = new Mat();
      reduce(ink, perColumn, 0, REDUCE_SUM, CV_32S);
      reduce(ink, perRow, 1, REDUCE_SUM, CV_32S);
      try (UByteIndexer px = clean.createIndexer();
          IntIndexer columns = perColumn.createIndexer();
          IntIndexer rows = perRow.createIndexer()) {
        int w = clean.cols();
        int h = clean.rows();
        for (int x = 0; x < w; x++) {
          if (columns.get(0, x) >= RULE_FRACTION * h) {
            // The rule's anti-aliased edges fall under Otsu's threshold; take them too.
            for (int dx = Math.max(0, x - 1); dx <= Math.min(w - 1, x + 1); dx++) {
              for (int y = 0; y < h; y++) {
                px.put(y, dx, 255);
              }
            }
          }
        }
        for (int y = 0; y < h; y++) {
          if (rows.get(y, 0) >= RULE_FRACTION * w) {
            for (int dy = Math.max(0, y - 1); dy <= Math.min(h - 1, y + 1); dy++) {
              for (int x = 0; x < w; x++) {
                px.put(dy, x, 255);
              }
            }
          }
        }
      }
    }
    return clean;
  }
}
