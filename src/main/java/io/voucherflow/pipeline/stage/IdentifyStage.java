package io.voucherflow.pipeline.stage;

import io.voucherflow.imaging.LayoutMatch;
import io.voucherflow.imaging.LayoutMatcher;
import io.voucherflow.imaging.PageCorner;
import io.voucherflow.imaging.PageImage;
import io.voucherflow.imaging.PixelBox;
import io.voucherflow.imaging.QrPayload;
import io.voucherflow.imaging.QrReader;
import io.voucherflow.imaging.Skew;
import io.voucherflow.pipeline.PipelineKeys;
import io.voucherflow.pipeline.PipelineStage;
import io.voucherflow.pipeline.Recognition;
import io.voucherflow.pipeline.TemplateCatalog;
import io.voucherflow.pipeline.VoucherEvent;
import io.voucherflow.template.TemplateDefinition;
import java.util.Optional;

/**
 * Layout recognition (版面识别): the QR code names template, version and serial; it is looked for in
 * the corner templates print it in (the reader falls back to the whole page). Without a readable
 * code, the page is matched against every template's reference; a weak or ambiguous match leaves
 * the voucher for a person to classify.
 */
public final class IdentifyStage implements PipelineStage {

  private final QrReader qr;
  private final LayoutMatcher matcher;
  private final TemplateCatalog catalog;
  private final PageCorner qrCorner;
  private final int qrRoiPx;
  private final double minConfidence;
  private final double minMargin;

  public IdentifyStage(
      QrReader qr,
      LayoutMatcher matcher,
      TemplateCatalog catalog,
      PageCorner qrCorner,
      int qrRoiPx,
      double minConfidence,
      double minMargin) {
    this.qr = qr;
    this.matcher = matcher;
    this.catalog = catalog;
    this.qrCorner = qrCorner;
    this.qrRoiPx = qrRoiPx;
    this.minConfidence = minConfidence;
    this.minMargin = minMargin;
  }

  @Override
  public String name() {
    return "identify";
  }

  @Override
  public void process(VoucherEvent event) {
    PageImage page = event.get(PipelineKeys.FRONT);
    Skew skew = event.get(PipelineKeys.SKEW);
    int w = page.width();
    int h = page.height();
    // The corner of the straightened page, found on the scan as it is: the reader copes with a
    // turned code, and the page is never rotated as a whole.
    PixelBox corner =
        skew.toStraight().inverse().map(PixelBox.corner(qrCorner, qrRoiPx, w, h)).clampTo(w, h);
    Optional<QrPayload> payload = qr.read(page, corner).flatMap(QrPayload::parse);
    if (payload.isPresent()) {
      TemplateDefinition t =
          catalog.definition(payload.get().templateCode(), payload.get().templateVersion());
      if (t != null) {
        event.put(
            PipelineKeys.RECOGNITION,
            new Recognition(t, Recognition.QR, 1.0, payload.get().serial()));
        return;
      }
    }
    Optional<LayoutMatch> match = matcher.match(page, skew, catalog.layoutCandidates());
    event.put(
        PipelineKeys.RECOGNITION,
        match
            .filter(m -> m.accepted(minConfidence, minMargin))
            .map(m -> new Recognition(m.template(), Recognition.MATCH, m.confidence(), null))
            .orElseGet(() -> Recognition.none(match.map(LayoutMatch::confidence).orElse(0.0))));
  }
}
