package io.voucherflow.imaging;

import io.voucherflow.template.Anchor;
import io.voucherflow.template.PageSize;
import io.voucherflow.template.Region;
import io.voucherflow.template.TemplateDefinition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Matches layouts by normalised cross-correlation at reduced scale: the page's ruling (frames, box
 * edges) against each template's at 1 px/mm, allowing for scanner scale by trying three sizes, and
 * each anchor (title, marks) at 2 px/mm in a window around where the template prints it. The
 * confidence is the mean of the two. About a millisecond per template.
 */
public final class CorrelationLayoutMatcher implements LayoutMatcher {

  // A scanner's scale error stays within ±5 %; three trial sizes cover it at 1 px/mm.
  private static final double[] SCALES = {0.95, 1.0, 1.05};

  private final double searchMarginMm;

  /**
   * @param searchMarginMm how far (mm) print may sit from where the template puts it: scanner
   *     offset plus scale error at the page edge
   */
  public CorrelationLayoutMatcher(double searchMarginMm) {
    if (searchMarginMm <= 0) {
      throw new IllegalArgumentException("searchMarginMm must be positive");
    }
    this.searchMarginMm = searchMarginMm;
  }

  @Override
  public LayoutCandidate prepare(TemplateDefinition template, PageImage reference) {
    List<Mat> cores = new ArrayList<>();
    List<CorrelationLayoutCandidate.AnchorPatch> anchors = new ArrayList<>();
    try (PointerScope scope = new PointerScope()) {
      Mat detailed = LayoutSignature.detailed(reference.mat(), template.page());
      Mat ruling = LayoutSignature.ruling(detailed, template.page());
      // The inner part only, so it can slide by the margin over the page's ruling.
      int m = (int) Math.ceil(searchMarginMm * LayoutSignature.RULING_PX_PER_MM);
      if (ruling.cols() <= 2 * m || ruling.rows() <= 2 * m) {
        throw new IllegalArgumentException("search margin too large for " + template.code());
      }
      Mat core = new Mat(ruling, new Rect(m, m, ruling.cols() - 2 * m, ruling.rows() - 2 * m));
      for (double scale : SCALES) {
        cores.add(LayoutSignature.scaled(core, scale));
      }
      for (Anchor anchor : template.anchors()) {
        PixelBox box =
            PixelBox.of(anchor.region(), LayoutSignature.DETAIL_PX_PER_MM)
                .clampTo(detailed.cols(), detailed.rows());
        if (box.width() >= 4 && box.height() >= 4) {
          Mat patch = new Mat(detailed, new Rect(box.x(), box.y(), box.width(), box.height()));
          anchors.add(new CorrelationLayoutCandidate.AnchorPatch(box, patch.clone()));
        }
      }
      // Kept only once all is built, so a failure half-way frees everything with the scope;
      // CorrelationLayoutCandidate.close releases them.
      cores.forEach(Mat::retainReference);
      anchors.forEach(a -> a.patch().retainReference());
    }
    double[] corners = FrameFinder.find(reference.mat()).frameCorners();
    Region frameMm = null;
    if (corners != null) {
      PixelBox box = PixelBox.around(corners);
      double pxPerMm = reference.width() / template.page().widthMm();
      frameMm =
          new Region(
              box.x() / pxPerMm, box.y() / pxPerMm, box.width() / pxPerMm, box.height() / pxPerMm);
    }
    return new CorrelationLayoutCandidate(template, cores, anchors, frameMm);
  }

  @Override
  public Optional<LayoutMatch> match(PageImage page, List<? extends LayoutCandidate> candidates) {
    return match(page, Skew.none(), candidates);
  }

  @Override
  public Optional<LayoutMatch> match(
      PageImage page, Skew skew, List<? extends LayoutCandidate> candidates) {
    if (skew.frame() == null && skew.corrected()) {
      // Nothing places the form: compare the straightened page as a whole.
      try (PageImage straight = page.transformed(skew.toStraight())) {
        return match(straight, Skew.none(), candidates);
      }
    }
    PixelBox frame = skew.frame();
    TemplateDefinition best = null;
    double bestScore = -1;
    double secondScore = 0;
    try (PointerScope scope = new PointerScope()) {
      // Candidates usually share a paper size: shrink the page once per size, not per template.
      Map<PageSize, Mat> detailedBySize = new HashMap<>();
      Map<PageSize, Mat> rulingBySize = new HashMap<>();
      Mat quarter = null;
      for (LayoutCandidate c : candidates) {
        CorrelationLayoutCandidate candidate = own(c);
        PageSize paper = candidate.template().page();
        Mat detailed;
        Mat ruling;
        if (frame != null && candidate.frameMm() != null) {
          // Where this template's paper would lie on the page if the frame found were its frame.
          if (quarter == null) {
            quarter = Scaling.shrink(page.mat(), new Size(page.width() / 4, page.height() / 4));
          }
          detailed = PaperPlacement.detailed(quarter, page, skew, candidate);
          if (detailed == null) {
            secondScore = Math.max(secondScore, 0);
            continue;
          }
          ruling = LayoutSignature.ruling(detailed, paper);
        } else {
          detailed =
              detailedBySize.computeIfAbsent(
                  paper, p -> LayoutSignature.detailed(page.mat(), paper));
          ruling = rulingBySize.computeIfAbsent(paper, p -> LayoutSignature.ruling(detailed, p));
        }
        double structure = structure(candidate, ruling);
        double score =
            candidate.anchors().isEmpty()
                ? structure
                : (structure + anchors(candidate, detailed)) / 2;
        if (score > bestScore) {
          secondScore = Math.max(secondScore, bestScore);
          bestScore = score;
          best = candidate.template();
        } else {
          secondScore = Math.max(secondScore, score);
        }
      }
    }
    if (best == null) {
      return Optional.empty();
    }
    double margin = candidates.size() == 1 ? 1 : bestScore - secondScore;
    return Optional.of(new LayoutMatch(best, bestScore, margin));
  }

  /** Best correlation of the template's ruling, at any trial scale, anywhere within the margin. */
  private static double structure(CorrelationLayoutCandidate candidate, Mat ruling) {
    PixelBox whole = new PixelBox(0, 0, ruling.cols(), ruling.rows());
    double best = 0;
    for (Mat core : candidate.cores()) {
      best = Math.max(best, Correlation.find(ruling, core, whole).score());
    }
    return best;
  }

  /** Mean anchor correlation, a negative one counting as 0. */
  private double anchors(CorrelationLayoutCandidate candidate, Mat detailed) {
    int margin = (int) Math.ceil(searchMarginMm * LayoutSignature.DETAIL_PX_PER_MM);
    double sum = 0;
    for (CorrelationLayoutCandidate.AnchorPatch anchor : candidate.anchors()) {
      Correlation.Peak peak = Correlation.find(detailed, anchor.patch(), anchor.box().grow(margin));
      sum += Math.max(0, peak.score());
    }
    return sum / candidate.anchors().size();
  }

  private static CorrelationLayoutCandidate own(LayoutCandidate candidate) {
    if (candidate instanceof CorrelationLayoutCandidate own) {
      return own;
    }
    throw new IllegalArgumentException("candidate was not prepared by this matcher");
  }
}
