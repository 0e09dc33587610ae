package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Finds template anchors on one page, coarse to fine, for {@link AnchorAligner}. Positions are
 * anchor centres on the page shrunk to the reference's resolution ("reference units").
 */
final class AnchorSearch {

  /** An anchor found on the page: its centre in reference units and its correlation. */
  record Hit(AnchorAlignmentReference.AnchorPatches anchor, double x, double y, double score) {}

  // Below 1 % the page's scale changes a patch by under a pixel; not worth a resize.
  private static final double RESCALE_THRESHOLD = 0.01;

  private final Mat coarse;
  private final Mat fine;
  private final double coarseScale;
  private final double fineScale;
  private final double marginPx;
  private final int fineSlackPx;
  private final double minScore;

  AnchorSearch(
      Mat coarse,
      Mat fine,
      double coarseScale,
      double fineScale,
      double marginPx,
      int fineSlackPx,
      double minScore) {
    this.coarse = coarse;
    this.fine = fine;
    this.coarseScale = coarseScale;
    this.fineScale = fineScale;
    this.marginPx = marginPx;
    this.fineSlackPx = fineSlackPx;
    this.minScore = minScore;
  }

  /** The anchors found at both scales, with their fine positions. */
  List<Hit> locate(List<AnchorAlignmentReference.AnchorPatches> anchors) {
    List<Hit> rough = new ArrayList<>();
    int margin = (int) Math.ceil(marginPx * coarseScale);
    for (AnchorAlignmentReference.AnchorPatches a : anchors) {
      Hit hit = search(coarse, a.coarse(), a, a.centreX(), a.centreY(), coarseScale, margin);
      if (hit != null) {
        rough.add(hit);
      }
    }
    double scale = scale(rough);
    List<Hit> precise = new ArrayList<>();
    for (Hit r : rough) {
      Mat patch = r.anchor().fine();
      if (Math.abs(scale - 1) > RESCALE_THRESHOLD) {
        // The page is printed larger or smaller than the reference: match a patch of its size.
        Mat resized = new Mat();
        resize(patch, resized, new Size(), scale, scale, scale < 1 ? INTER_AREA : INTER_LINEAR);
        patch = resized;
      }
      Hit hit = search(fine, patch, r.anchor(), r.x(), r.y(), fineScale, fineSlackPx);
      if (hit != null) {
        precise.add(hit);
      }
    }
    return precise;
  }

  private Hit search(
      Mat image,
      Mat patch,
      AnchorAlignmentReference.AnchorPatches anchor,
      double centreX,
      double centreY,
      double level,
      int margin) {
    int w = patch.cols();
    int h = patch.rows();
    PixelBox window =
        new PixelBox(
            (int) Math.round(centreX * level - w / 2.0) - margin,
            (int) Math.round(centreY * level - h / 2.0) - margin,
            w + 2 * margin,
            h + 2 * margin);
    Correlation.Peak peak = Correlation.find(image, patch, window);
    if (peak.score() < minScore) {
      return null;
    }
    return new Hit(
        anchor, (peak.x() + w / 2.0) / level, (peak.y() + h / 2.0) / level, peak.score());
  }

  /** Page size over reference size, from the distances between found anchors (1 if under 2). */
  private static double scale(List<Hit> hits) {
    double onPage = 0;
    double onReference = 0;
    for (int i = 0; i < hits.size(); i++) {
      for (int j = i + 1; j < hits.size(); j++) {
        Hit a = hits.get(i);
        Hit b = hits.get(j);
        onPage += Math.hypot(a.x() - b.x(), a.y() - b.y());
        onReference +=
            Math.hypot(
                a.anchor().centreX() - b.anchor().centreX(),
                a.anchor().centreY() - b.anchor().centreY());
      }
    }
    return onReference > 0 ? onPage / onReference : 1;
  }
}
