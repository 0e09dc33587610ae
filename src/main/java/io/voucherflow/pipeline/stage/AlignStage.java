package io.voucherflow.pipeline.stage;

import io.voucherflow.imaging.Aligner;
import io.voucherflow.pipeline.PipelineKeys;
import io.voucherflow.pipeline.PipelineStage;
import io.voucherflow.pipeline.Recognition;
import io.voucherflow.pipeline.TemplateCatalog;
import io.voucherflow.pipeline.VoucherEvent;

/**
 * Registers the straightened page to its template's reference, so regions land on the printed
 * boxes.
 */
public final class AlignStage implements PipelineStage {

  private final Aligner aligner;
  private final TemplateCatalog catalog;

  public AlignStage(Aligner aligner, TemplateCatalog catalog) {
    this.aligner = aligner;
    this.catalog = catalog;
  }

  @Override
  public String name() {
    return "align";
  }

  @Override
  public void process(VoucherEvent event) {
    Recognition r = event.get(PipelineKeys.RECOGNITION);
    if (!r.recognised()) {
      return;
    }
    event.put(
        PipelineKeys.ALIGNED,
        aligner.align(
            event.get(PipelineKeys.FRONT),
            event.get(PipelineKeys.SKEW),
            catalog.alignment(r.template().code(), r.template().version())));
  }
}
