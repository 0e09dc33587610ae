package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_calib3d.RANSAC;
import static org.bytedeco.opencv.global.opencv_calib3d.estimateAffine2D;
import static org.bytedeco.opencv.global.opencv_calib3d.estimateAffinePartial2D;
import static org.bytedeco.opencv.global.opencv_calib3d.findHomography;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC2;
import static org.bytedeco.opencv.global.opencv_core.CV_64FC1;

import java.util.List;
import java.util.Optional;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.DoubleIndexer;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * Fits the transform between matched anchor points, choosing the model the points can support: two
 * or three give a similarity (shift, scale, rotation), four or more an affine transform, or a
 * homography when perspective is allowed. RANSAC drops a mismatched anchor once there are spares:
 * three points would fit any affine transform exactly, so a wrong one could not be told.
 */
final class TransformFit {

  /** The fitted transform and which point pairs agree with it. */
  record Fit(PageTransform transform, boolean[] inliers) {}

  // An anchor more than 3 px off the consensus is a mismatch, not measurement noise.
  private static final double RANSAC_PX = 3.0;

  private TransformFit() {}

  /** The transform taking {@code from} points onto {@code to} points, if one can be fitted. */
  static Optional<Fit> fit(List<double[]> from, List<double[]> to, boolean perspective) {
    int n = from.size();
    if (n < 2 || to.size() != n) {
      return Optional.empty();
    }
    try (PointerScope scope = new PointerScope()) {
      Mat source = points(from);
      Mat target = points(to);
      Mat mask = new Mat();
      Mat model;
      if (perspective && n >= 4) {
        model = findHomography(source, target, RANSAC, RANSAC_PX, mask, 2000, 0.995);
      } else if (n >= 4) {
        model = estimateAffine2D(source, target, mask, RANSAC, RANSAC_PX, 2000, 0.99, 10);
      } else {
        model = estimateAffinePartial2D(source, target, mask, RANSAC, RANSAC_PX, 2000, 0.99, 10);
      }
      if (model.empty()) {
        return Optional.empty();
      }
      return Optional.of(new Fit(transform(model), inliers(mask, n)));
    }
  }

  /** A 2x3 or 3x3 CV_64F matrix for warpAffine / warpPerspective. */
  static Mat toMat(PageTransform transform) {
    double[] m = transform.matrix();
    int rows = transform.isAffine() ? 2 : 3;
    Mat mat = new Mat(rows, 3, CV_64FC1);
    try (DoubleIndexer ix = mat.createIndexer()) {
      for (int i = 0; i < rows * 3; i++) {
        ix.put(i / 3, i % 3, m[i]);
      }
    }
    return mat;
  }

  private static Mat points(List<double[]> points) {
    Mat mat = new Mat(points.size(), 1, CV_32FC2);
    try (FloatIndexer ix = mat.createIndexer()) {
      for (int i = 0; i < points.size(); i++) {
        ix.put(i, 0, 0, (float) points.get(i)[0]);
        ix.put(i, 0, 1, (float) points.get(i)[1]);
      }
    }
    return mat;
  }

  private static PageTransform transform(Mat model) {
    double[] m = {0, 0, 0, 0, 0, 0, 0, 0, 1};
    try (DoubleIndexer ix = model.createIndexer()) {
      for (int i = 0; i < model.rows() * 3; i++) {
        m[i] = ix.get(i / 3, i % 3);
      }
    }
    return new PageTransform(m);
  }

  private static boolean[] inliers(Mat mask, int n) {
    boolean[] inliers = new boolean[n];
    if (mask.empty()) {
      java.util.Arrays.fill(inliers, true);
      return inliers;
    }
    try (UByteIndexer ix = mask.createIndexer()) {
      for (int i = 0; i < n; i++) {
        inliers[i] = ix.get(i) != 0;
      }
    }
    return inliers;
  }
}
