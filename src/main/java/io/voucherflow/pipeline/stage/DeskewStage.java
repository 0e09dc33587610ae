package io.voucherflow.pipeline.stage;

import io.voucherflow.imaging.Deskewer;
import io.voucherflow.pipeline.PipelineKeys;
import io.voucherflow.pipeline.PipelineStage;
import io.voucherflow.pipeline.VoucherEvent;

/**
 * Measures the scan's skew and finds its form; the rotation itself is folded into alignment's one
 * warp, so no straightened copy of the page is made.
 */
public final class DeskewStage implements PipelineStage {

  private final Deskewer deskewer;

  public DeskewStage(Deskewer deskewer) {
    this.deskewer = deskewer;
  }

  @Override
  public String name() {
    return "deskew";
  }

  @Override
  public void process(VoucherEvent event) {
    event.put(PipelineKeys.SKEW, deskewer.locate(event.get(PipelineKeys.FRONT)));
  }
}
