package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_core.CMP_EQ;
import static org.bytedeco.opencv.global.opencv_core.CV_32S;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.compare;
import static org.bytedeco.opencv.global.opencv_core.findNonZero;
import static org.bytedeco.opencv.global.opencv_core.vconcat;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_HEIGHT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_LEFT;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_TOP;
import static org.bytedeco.opencv.global.opencv_imgproc.CC_STAT_WIDTH;
import static org.bytedeco.opencv.global.opencv_imgproc.CHAIN_APPROX_SIMPLE;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.RETR_EXTERNAL;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY_INV;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_OTSU;
import static org.bytedeco.opencv.global.opencv_imgproc.connectedComponentsWithStats;
import static org.bytedeco.opencv.global.opencv_imgproc.findContours;
import static org.bytedeco.opencv.global.opencv_imgproc.minAreaRect;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.javacpp.indexer.UByteIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Point2f;
import org.bytedeco.opencv.opencv_core.RotatedRect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Finds a form's printed frame (the outer ruling of its table) on a half-size Otsu ink mask: the
 * largest connected piece of ink that is at least half as wide as the page and does not touch the
 * image border. Its rectangle gives the skew, and its corners tell the aligner where the form sits
 * and how large it is, whatever scanner bed shows around the paper. A dark bed is removed before
 * the ink threshold is chosen, as otherwise Otsu separates bed from paper instead of ink from paper
 * and loses faint ruling.
 */
final class FrameFinder {

  /**
   * What was found: the skew (degrees, counter-clockwise positive) and, when a frame was found, its
   * four corners in page pixels as {@code x0, y0, … x3, y3} (null otherwise).
   */
  record Found(double angleDegrees, double[] frameCorners) {}

  // Half size: the frame is still hundreds of pixels long, so one pixel of quantisation is under
  // 0.1°, and the mask costs a quarter.
  private static final double MASK_SCALE = 0.5;

  /** A contour at least this share of the page wide is taken for the form's frame. */
  private static final double FRAME_MIN_WIDTH = 0.5;

  // Contours smaller than this (mask pixels) are dust and JPEG speckle, not print.
  private static final int MIN_BLOB_PX = 3;

  // A dark region touching the border and covering this share of the image is scanner bed, not
  // ink: printed matter never reaches the edge of the scan in bulk.
  private static final double BED_MIN_SHARE = 0.01;

  private FrameFinder() {}

  /** Finds the frame, or only the skew of all print when there is no frame; NaN for a blank. */
  static Found find(Mat page) {
    try (PointerScope scope = new PointerScope()) {
      Mat small = new Mat();
      resize(page, small, new Size(), MASK_SCALE, MASK_SCALE, INTER_AREA);
      return onHalf(small);
    }
  }

  /** As {@link #find(Mat)}, from the page's own half-size copy (which is left as it is). */
  static Found find(PageImage page) {
    try (PointerScope scope = new PointerScope()) {
      return onHalf(page.half());
    }
  }

  private static Found onHalf(Mat small) {
    Mat ink = new Mat();
    threshold(small, ink, 0, 255, THRESH_BINARY_INV | THRESH_OTSU);
    Components pieces = Components.of(ink);
    Mat withoutBed = whitenBed(small, pieces);
    if (withoutBed != null) {
      small = withoutBed;
      threshold(small, ink, 0, 255, THRESH_BINARY_INV | THRESH_OTSU);
      pieces = Components.of(ink);
    }
    // One pass over the components' statistics in Java (one indexer): a JavaCPP object per
    // contour, as boundingRect over findContours' output needs, cost more than the search.
    boolean[] interior = new boolean[pieces.count()];
    boolean[] touching = new boolean[pieces.count()];
    boolean anyInterior = false;
    boolean anyTouching = false;
    int frame = -1;
    long frameArea = 0;
    try (IntIndexer s = pieces.stats().createIndexer()) {
      for (int label = 1; label < pieces.count(); label++) {
        int x = s.get(label, CC_STAT_LEFT);
        int y = s.get(label, CC_STAT_TOP);
        int w = s.get(label, CC_STAT_WIDTH);
        int h = s.get(label, CC_STAT_HEIGHT);
        if (w < MIN_BLOB_PX && h < MIN_BLOB_PX) {
          continue;
        }
        if (x <= 0 || y <= 0 || x + w >= ink.cols() || y + h >= ink.rows()) {
          touching[label] = true;
          anyTouching = true;
          continue;
        }
        interior[label] = true;
        anyInterior = true;
        long area = (long) w * h;
        if (area > frameArea) {
          frameArea = area;
          frame = label;
        }
      }
      // The printed frame is the best witness: one connected piece of ruling lines whose sides
      // are the form's axes. The hull of all ink is not: titles, seals and QR codes stick out.
      if (frame > 0 && s.get(frame, CC_STAT_WIDTH) >= FRAME_MIN_WIDTH * ink.cols()) {
        RotatedRect box = minAreaRect(outline(pieces.labels(), frame));
        return new Found(normalise(box.angle()), corners(box));
      }
    }
    // Ink touching the border is usually a scanner edge shadow; use it only when nothing else.
    if (!anyInterior && !anyTouching) {
      return new Found(Double.NaN, null);
    }
    Mat points = new Mat();
    findNonZero(pieces.mask(anyInterior ? interior : touching), points);
    return new Found(normalise(minAreaRect(points).angle()), null);
  }

  /**
   * The outer contour of one component: its hull is the component's, at a fraction of the points.
   */
  private static Mat outline(Mat labels, int label) {
    Mat mask = new Mat();
    compare(labels, new Mat(1, 1, CV_32S, new Scalar(label)), mask, CMP_EQ);
    MatVector contours = new MatVector();
    findContours(mask, contours, RETR_EXTERNAL, CHAIN_APPROX_SIMPLE);
    if (contours.size() == 1) {
      return contours.get(0);
    }
    Mat points = new Mat();
    vconcat(contours, points);
    return points;
  }

  /** The 8-connected pieces of an ink mask: a label image and each label's box and area. */
  private record Components(Mat labels, Mat stats, int count) {

    static Components of(Mat ink) {
      Mat labels = new Mat();
      Mat stats = new Mat();
      int n = connectedComponentsWithStats(ink, labels, stats, new Mat(), 8, CV_32S);
      return new Components(labels, stats, n);
    }

    /** A mask of the pixels whose label is chosen (rare path: no frame found). */
    Mat mask(boolean[] chosen) {
      Mat out = new Mat(labels.rows(), labels.cols(), CV_8U);
      try (IntIndexer in = labels.createIndexer();
          UByteIndexer o = out.createIndexer()) {
        for (int y = 0; y < labels.rows(); y++) {
          for (int x = 0; x < labels.cols(); x++) {
            o.put(y, x, chosen[in.get(y, x)] ? 255 : 0);
          }
        }
      }
      return out;
    }
  }

  /**
   * Paints large dark regions that touch the image border (a dark scanner bed) white in {@code
   * small}; answers whether there were any.
   */
  /**
   * A copy of {@code small} with the dark scanner bed made white, or null when there is none
   * ({@code small} itself is left as it is).
   */
  private static Mat whitenBed(Mat small, Components pieces) {
    double minArea = BED_MIN_SHARE * small.cols() * small.rows();
    Mat found = null;
    try (IntIndexer s = pieces.stats().createIndexer()) {
      for (int label = 1; label < pieces.count(); label++) {
        int x = s.get(label, CC_STAT_LEFT);
        int y = s.get(label, CC_STAT_TOP);
        int w = s.get(label, CC_STAT_WIDTH);
        int h = s.get(label, CC_STAT_HEIGHT);
        boolean touches = x <= 0 || y <= 0 || x + w >= small.cols() || y + h >= small.rows();
        if (touches && s.get(label, CC_STAT_AREA) >= minArea) {
          Mat bed = new Mat();
          compare(pieces.labels(), new Mat(1, 1, CV_32S, new Scalar(label)), bed, CMP_EQ);
          if (found == null) {
            found = small.clone();
          }
          found.setTo(new Mat(1, 1, CV_8U, new Scalar(255)), bed);
        }
      }
    }
    return found;
  }

  /** The rectangle's corners in full-size page pixels. */
  private static double[] corners(RotatedRect box) {
    Point2f points = new Point2f(4);
    box.points(points);
    double[] out = new double[8];
    for (int i = 0; i < 4; i++) {
      Point2f p = points.position(i);
      // A half-size pixel i covers full-size pixels 2i and 2i+1: its centre is at 2i + 0.5.
      out[2 * i] = p.x() / MASK_SCALE + 0.5;
      out[2 * i + 1] = p.y() / MASK_SCALE + 0.5;
    }
    points.position(0);
    return out;
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
}
