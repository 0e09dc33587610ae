package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import io.voucherflow.template.Anchor;
import io.voucherflow.template.TemplateDefinition;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Aligns by locating each template anchor with normalised cross-correlation, coarse to fine: at a
 * quarter of the reference resolution inside a window of the search margin, then at half resolution
 * within a few pixels, with the patches rescaled to the page's measured scale. The anchor centres
 * give a similarity, affine or projective fit ({@link TransformFit}); the page is warped once onto
 * the reference grid.
 */
public final class AnchorAligner implements Aligner {

  private static final double COARSE = 0.25;
  private static final double FINE = 0.5;
  // Anchor boxes are snapped to this grid so both patch scales cover exactly the same paper.
  private static final int GRID = 4;
  // The coarse hit is within one coarse pixel (two fine ones); leave room for rounding.
  private static final int FINE_SLACK_PX = 4;

  private final double searchMarginMm;
  private final double minAnchorScore;
  private final boolean perspective;

  /**
   * @param searchMarginMm how far (mm) an anchor may sit from where the template prints it
   * @param minAnchorScore the correlation (0–1) below which an anchor counts as not found
   * @param perspective whether to fit a homography when four or more anchors are found
   */
  public AnchorAligner(double searchMarginMm, double minAnchorScore, boolean perspective) {
    if (searchMarginMm <= 0 || minAnchorScore <= 0 || minAnchorScore >= 1) {
      throw new IllegalArgumentException("searchMarginMm > 0 and 0 < minAnchorScore < 1 required");
    }
    this.searchMarginMm = searchMarginMm;
    this.minAnchorScore = minAnchorScore;
    this.perspective = perspective;
  }

  @Override
  public AlignmentReference prepare(TemplateDefinition template, PageImage reference) {
    double pxPerMm = reference.width() / template.page().widthMm();
    List<AnchorAlignmentReference.AnchorPatches> anchors = new ArrayList<>();
    try (PointerScope scope = new PointerScope()) {
      for (Anchor anchor : template.anchors()) {
        PixelBox box = snap(PixelBox.of(anchor.region(), pxPerMm), reference);
        if (box.width() < 4 * GRID || box.height() < 4 * GRID) {
          continue; // too small to find at a quarter scale
        }
        Mat region =
            new Mat(reference.mat(), new Rect(box.x(), box.y(), box.width(), box.height()));
        anchors.add(
            new AnchorAlignmentReference.AnchorPatches(
                anchor.name(),
                box.centerX(),
                box.centerY(),
                scaled(region, COARSE, INTER_AREA),
                scaled(region, FINE, INTER_AREA)));
      }
      for (AnchorAlignmentReference.AnchorPatches a : anchors) {
        // Outlive the scope; AnchorAlignmentReference.close releases them.
        a.coarse().retainReference();
        a.fine().retainReference();
      }
    }
    return new AnchorAlignmentReference(template, reference.width(), reference.height(), anchors);
  }

  @Override
  public Alignment align(PageImage page, AlignmentReference reference) {
    AnchorAlignmentReference ref = own(reference);
    try (PointerScope scope = new PointerScope()) {
      // Search levels are fractions of the *reference* grid, so the page is shrunk by the ratio
      // of the two widths as well; anchor positions then need no per-page conversion.
      double nominal = page.width() / (double) ref.width();
      Mat fine =
          Scaling.shrink(
              page.mat(),
              new Size(
                  (int) Math.round(page.width() * FINE / nominal),
                  (int) Math.round(page.height() * FINE / nominal)));
      Mat coarse = scaled(fine, COARSE / FINE, INTER_AREA);
      AnchorSearch search =
          new AnchorSearch(
              coarse, fine, COARSE, FINE, searchMargin(ref), FINE_SLACK_PX, minAnchorScore);
      List<AnchorSearch.Hit> hits = search.locate(ref.anchors());
      double toPageX = page.width() / (double) fine.cols() * FINE;
      double toPageY = page.height() / (double) fine.rows() * FINE;
      List<double[]> from = new ArrayList<>();
      List<double[]> to = new ArrayList<>();
      for (AnchorSearch.Hit hit : hits) {
        from.add(new double[] {hit.x() * toPageX, hit.y() * toPageY});
        to.add(new double[] {hit.anchor().centreX(), hit.anchor().centreY()});
      }
      var fit = TransformFit.fit(from, to, perspective).filter(f -> plausible(f, nominal));
      if (fit.isEmpty()) {
        PageTransform resizeOnly = PageTransform.scale(1 / nominal, 1 / nominal);
        return new Alignment(warp(page, resizeOnly, ref), resizeOnly, 0, 0, Double.NaN);
      }
      PageTransform transform = fit.get().transform();
      boolean[] inliers = fit.get().inliers();
      double scoreSum = 0;
      double squaredError = 0;
      int used = 0;
      for (int i = 0; i < hits.size(); i++) {
        if (inliers[i]) {
          double[] mapped = transform.map(from.get(i)[0], from.get(i)[1]);
          squaredError += sq(mapped[0] - to.get(i)[0]) + sq(mapped[1] - to.get(i)[1]);
          scoreSum += hits.get(i).score();
          used++;
        }
      }
      double quality = scoreSum / Math.max(1, ref.anchors().size());
      PageImage aligned = warp(page, transform, ref);
      return new Alignment(
          aligned, transform, quality, used, Math.sqrt(squaredError / Math.max(1, used)));
    }
  }

  private double searchMargin(AnchorAlignmentReference ref) {
    return searchMarginMm * ref.width() / ref.template().page().widthMm();
  }

  /** Rejects fits that shrink or stretch the page far beyond any scanner's error. */
  private static boolean plausible(TransformFit.Fit fit, double nominal) {
    double[] m = fit.transform().matrix();
    double scale = Math.sqrt(Math.abs(m[0] * m[4] - m[1] * m[3])) * nominal;
    boolean upright = m[0] * m[4] - m[1] * m[3] > 0;
    boolean mildPerspective = Math.abs(m[6]) < 1e-3 && Math.abs(m[7]) < 1e-3;
    return upright && mildPerspective && scale > 0.8 && scale < 1.25;
  }

  private static PageImage warp(
      PageImage page, PageTransform transform, AnchorAlignmentReference ref) {
    Mat matrix = TransformFit.toMat(transform);
    Mat out = new Mat();
    Size size = new Size(ref.width(), ref.height());
    Scalar white = new Scalar(255);
    if (transform.isAffine()) {
      warpAffine(page.mat(), out, matrix, size, INTER_LINEAR, BORDER_CONSTANT, white);
    } else {
      warpPerspective(page.mat(), out, matrix, size, INTER_LINEAR, BORDER_CONSTANT, white);
    }
    return new PageImage(out);
  }

  /** The box moved and trimmed onto the grid, inside the page. */
  private static PixelBox snap(PixelBox box, PageImage page) {
    PixelBox inside = box.clampTo(page.width(), page.height());
    int x = (inside.x() + GRID - 1) / GRID * GRID;
    int y = (inside.y() + GRID - 1) / GRID * GRID;
    int right = (inside.x() + inside.width()) / GRID * GRID;
    int bottom = (inside.y() + inside.height()) / GRID * GRID;
    return new PixelBox(x, y, Math.max(0, right - x), Math.max(0, bottom - y));
  }

  private static Mat scaled(Mat source, double factor, int interpolation) {
    Mat out = new Mat();
    resize(source, out, new Size(), factor, factor, interpolation);
    return out;
  }

  private static AnchorAlignmentReference own(AlignmentReference reference) {
    if (reference instanceof AnchorAlignmentReference own) {
      return own;
    }
    throw new IllegalArgumentException("reference was not prepared by this aligner");
  }

  private static double sq(double v) {
    return v * v;
  }
}
