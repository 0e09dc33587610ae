package io.voucherflow.pipeline.stage;

import io.voucherflow.content.ContentStore;
import io.voucherflow.imaging.Alignment;
import io.voucherflow.imaging.Slice;
import io.voucherflow.imaging.Slicer;
import io.voucherflow.pipeline.FieldResult;
import io.voucherflow.pipeline.FieldResults;
import io.voucherflow.pipeline.PipelineKeys;
import io.voucherflow.pipeline.PipelineStage;
import io.voucherflow.pipeline.Recognition;
import io.voucherflow.pipeline.VoucherEvent;
import io.voucherflow.template.FieldSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Image slicing (影像拆分): cuts every field region out of the aligned page and stores each slice under
 * its content hash. A slice is only pixels: nothing in it or its name says which voucher it came
 * from, so keyers who see slices never see a whole voucher.
 */
public final class SliceStage implements PipelineStage {

  private final Slicer slicer;
  private final ContentStore content;

  public SliceStage(Slicer slicer, ContentStore content) {
    this.slicer = slicer;
    this.content = content;
  }

  @Override
  public String name() {
    return "slice";
  }

  @Override
  public void process(VoucherEvent event) {
    Recognition r = event.get(PipelineKeys.RECOGNITION);
    Alignment aligned = event.get(PipelineKeys.ALIGNED);
    if (aligned == null) {
      return;
    }
    List<FieldResult> results = new ArrayList<>();
    for (Slice slice : slicer.slice(aligned, r.template())) {
      FieldSpec spec = r.template().field(slice.fieldName());
      results.add(
          new FieldResult(spec, slice.box(), content.putDerivedNow(slice.png()), null, null));
    }
    event.put(PipelineKeys.FIELDS, new FieldResults(results));
  }
}
