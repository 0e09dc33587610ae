package io.voucherflow.imaging;

/**
 * A page aligned to its template's reference: the warped page (reference size, owned by this
 * result), the transform from the pixels of the page given to {@link Aligner#align} to reference
 * pixels, the quality in [0, 1] (mean anchor correlation over all of the template's anchors, so a
 * missing anchor lowers it), how many anchors were used, and their root-mean-square misfit in
 * reference pixels (NaN when none).
 */
public record Alignment(
    PageImage page, PageTransform transform, double quality, int anchorsUsed, double residualPx)
    implements AutoCloseable {

  @Override
  public void close() {
    page.close();
  }
}
