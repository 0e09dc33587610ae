package io.voucherflow.imaging;

import io.voucherflow.template.TemplateDefinition;

/**
 * Registers a deskewed page to its template's reference image, so that the template's regions
 * (millimetres, mapped with the reference width) land on the printed boxes despite the scanner's
 * offset, scale and slight perspective.
 */
public interface Aligner {

  /**
   * Precomputes what alignment needs from a template's reference image (a clean page of the
   * template). Do it once per template version; the reference may be closed afterwards, the
   * returned object must be closed when the template is retired.
   */
  AlignmentReference prepare(TemplateDefinition template, PageImage reference);

  /**
   * The page warped onto the reference's pixel grid, with the transform used and its quality. The
   * input page is left open; the caller closes both. Never fails for a poor page: a page it cannot
   * register comes back merely resized, with quality 0, for the caller to route to a person.
   */
  Alignment align(PageImage page, AlignmentReference reference);

  /**
   * As {@link #align(PageImage, AlignmentReference)} for a scan as captured, not straightened:
   * {@code skew} (from {@link Deskewer#locate}) says how to straighten it and where its printed
   * frame is, which places the page on the reference before anchors are looked for. The returned
   * transform maps the scan's pixels, and the page is warped once, straightening included.
   */
  Alignment align(PageImage page, Skew skew, AlignmentReference reference);
}
