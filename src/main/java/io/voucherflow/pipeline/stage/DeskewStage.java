package io.voucherflow.pipeline.stage;

import io.voucherflow.imaging.Deskewer;
import io.voucherflow.pipeline.PipelineKeys;
import io.voucherflow.pipeline.PipelineStage;
import io.voucherflow.pipeline.VoucherEvent;

/** Finds and removes the scan's skew. */
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
    event.put(PipelineKeys.DESKEWED, deskewer.deskew(event.get(PipelineKeys.FRONT)));
  }
}
