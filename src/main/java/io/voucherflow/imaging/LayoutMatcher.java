package io.voucherflow.imaging;

import io.voucherflow.template.TemplateDefinition;
import java.util.List;
import java.util.Optional;

/**
 * Recognises which template a page was printed from when it carries no readable QR code (版面识别 by
 * layout), by comparing it with each candidate template's reference image.
 */
public interface LayoutMatcher {

  /**
   * Precomputes what matching needs from a template's reference image (a clean page of the
   * template, any resolution). Do it once per template version, not per page; the reference image
   * may be closed afterwards, the candidate must be closed when the template is retired.
   */
  LayoutCandidate prepare(TemplateDefinition template, PageImage reference);

  /**
   * The best-matching candidate for a deskewed page, with its confidence; empty only when there are
   * no candidates. The caller decides whether the confidence is enough (see {@link
   * LayoutMatch#accepted}).
   *
   * @param candidates prepared by this matcher, typically those of the capture's business type
   */
  Optional<LayoutMatch> match(PageImage page, List<? extends LayoutCandidate> candidates);

  /**
   * As {@link #match(PageImage, List)} for a scan as captured, not straightened: {@code skew} (from
   * {@link Deskewer#locate}) says how to straighten it and where its printed frame is, which places
   * each candidate's paper on the scan before comparing.
   */
  Optional<LayoutMatch> match(
      PageImage page, Skew skew, List<? extends LayoutCandidate> candidates);
}
