package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

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
  // Where the frames placed the page, an anchor is within a millimetre or two: frame rounding and
  // the skew left after deskewing.
  private static final double HINTED_MARGIN_MM = 5;
  // Scanners keep paper square: a fit stretching one axis or shearing by over 4 % is a mismatch.
  private static final double MAX_ANISOTROPY = 0.04;
  private static final double MAX_SHEAR = 0.04;

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
    double[] corners = FrameFinder.find(reference.mat()).frameCorners();
    return new AnchorAlignmentReference(
        template,
        reference.width(),
        reference.height(),
        anchors,
        corners == null ? null : PixelBox.around(corners));
  }

  @Override
  public Alignment align(PageImage page, AlignmentReference reference) {
    return align(page, Skew.none(), reference);
  }

  @Override
  public Alignment align(PageImage page, Skew skew, AlignmentReference reference) {
    AnchorAlignmentReference ref = own(reference);
    PageTransform hint = fromFrames(skew.frame(), ref.frame());
    if (hint == null && skew.corrected()) {
      // Nothing places the form: search the straightened page as it is, then report the
      // transform from the scan as given.
      try (PageImage straight = page.transformed(skew.toStraight());
          Alignment a = align(straight, Skew.none(), reference)) {
        return new Alignment(
            page.share(),
            skew.toStraight().then(a.transform()),
            ref.width(),
            ref.height(),
            a.quality(),
            a.anchorsUsed(),
            a.residualPx());
      }
    }
    try (PointerScope scope = new PointerScope()) {
      Mat fine;
      PageTransform toSearch; // scan pixels -> reference pixels of the search images
      double margin = searchMargin(ref);
      if (hint != null) {
        // Straightening and the frames give position and scale to a few pixels: search the scan
        // already moved onto the reference grid (one small warp, the rotation folded in), in a
        // small window, so a look-alike further off cannot be taken.
        toSearch = skew.toStraight().then(hint);
        fine = onReferenceGrid(page, toSearch, ref);
        margin = Math.min(margin, HINTED_MARGIN_MM * ref.width() / ref.template().page().widthMm());
      } else {
        // Search levels are fractions of the *reference* grid, so the page is shrunk by the ratio
        // of the two widths as well; anchor positions then need no per-page conversion.
        double nominal = page.width() / (double) ref.width();
        fine =
            Scaling.shrink(
                page.mat(),
                new Size(
                    (int) Math.round(page.width() * FINE / nominal),
                    (int) Math.round(page.height() * FINE / nominal)));
        toSearch =
            PageTransform.scale(
                fine.cols() / (FINE * page.width()), fine.rows() / (FINE * page.height()));
      }
      Mat coarse = scaled(fine, COARSE / FINE, INTER_AREA);
      AnchorSearch search =
          new AnchorSearch(coarse, fine, COARSE, FINE, margin, FINE_SLACK_PX, minAnchorScore);
      List<AnchorSearch.Hit> hits = search.locate(ref.anchors());
      PageTransform back = toSearch.inverse();
      List<double[]> from = new ArrayList<>();
      List<double[]> to = new ArrayList<>();
      for (AnchorSearch.Hit hit : hits) {
        from.add(back.map(hit.x(), hit.y()));
        to.add(new double[] {hit.anchor().centreX(), hit.anchor().centreY()});
      }
      double[] m = toSearch.matrix();
      double nominal = 1 / Math.sqrt(Math.abs(m[0] * m[4] - m[1] * m[3]));
      var fit = TransformFit.fit(from, to, perspective).filter(f -> plausible(f, nominal));
      if (fit.isEmpty()) {
        return new Alignment(page.share(), toSearch, ref.width(), ref.height(), 0, 0, Double.NaN);
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
      return new Alignment(
          page.share(),
          transform,
          ref.width(),
          ref.height(),
          quality,
          used,
          Math.sqrt(squaredError / Math.max(1, used)));
    }
  }

  private double searchMargin(AnchorAlignmentReference ref) {
    return searchMarginMm * ref.width() / ref.template().page().widthMm();
  }

  /**
   * Rejects fits that shrink, stretch or shear the page far beyond any scanner's error: such a fit
   * comes from an anchor matched in the wrong place.
   */
  private static boolean plausible(TransformFit.Fit fit, double nominal) {
    double[] m = fit.transform().matrix();
    double scale = Math.sqrt(Math.abs(m[0] * m[4] - m[1] * m[3])) * nominal;
    boolean upright = m[0] * m[4] - m[1] * m[3] > 0;
    boolean mildPerspective = Math.abs(m[6]) < 1e-3 && Math.abs(m[7]) < 1e-3;
    double xAxis = Math.hypot(m[0], m[3]);
    double yAxis = Math.hypot(m[1], m[4]);
    double shear = Math.abs(m[0] * m[1] + m[3] * m[4]) / (xAxis * yAxis);
    boolean square = Math.abs(xAxis / yAxis - 1) < MAX_ANISOTROPY && shear < MAX_SHEAR;
    return upright && mildPerspective && square && scale > 0.8 && scale < 1.25;
  }

  /**
   * The scale-and-shift taking the page's frame onto the reference's frame, or null when either is
   * unknown or the two disagree in shape (then the frame found was not the form's).
   */
  private static PageTransform fromFrames(PixelBox page, PixelBox reference) {
    if (page == null || reference == null) {
      return null;
    }
    double sx = reference.width() / (double) page.width();
    double sy = reference.height() / (double) page.height();
    if (sx < 0.8 || sx > 1.25 || Math.abs(sx / sy - 1) > MAX_ANISOTROPY) {
      return null;
    }
    return PageTransform.affine(
        sx, 0, reference.x() - page.x() * sx, 0, sy, reference.y() - page.y() * sy);
  }

  /** The page moved by {@code toReference} onto the reference grid at the fine search scale. */
  private static Mat onReferenceGrid(
      PageImage page, PageTransform toReference, AnchorAlignmentReference ref) {
    // Halve first (area averaging keeps thin lines; the skew measure already made the half), then
    // one small linear warp at half size.
    Mat half = page.half();
    PageTransform halfToFine =
        PageTransform.scale(
                page.width() / (double) half.cols(), page.height() / (double) half.rows())
            .then(toReference)
            .then(PageTransform.scale(FINE, FINE));
    Mat fine = new Mat();
    warpAffine(
        half,
        fine,
        TransformFit.toMat(halfToFine),
        new Size((int) Math.round(ref.width() * FINE), (int) Math.round(ref.height() * FINE)),
        INTER_LINEAR,
        BORDER_CONSTANT,
        new Scalar(255));
    return fine;
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
