package io.voucherflow.pipeline.stage;

import io.voucherflow.imaging.Alignment;
import io.voucherflow.imaging.OcrEngine;
import io.voucherflow.imaging.OcrResult;
import io.voucherflow.imaging.PageImage;
import io.voucherflow.pipeline.FieldResult;
import io.voucherflow.pipeline.FieldResults;
import io.voucherflow.pipeline.PipelineKeys;
import io.voucherflow.pipeline.PipelineStage;
import io.voucherflow.pipeline.VoucherEvent;
import io.voucherflow.template.EntryMode;
import io.voucherflow.template.FieldKind;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields whose template gives OCR settings, each with its language, whitelist and
 * segmentation mode; seals, signatures and fields nobody keys are not read. Runs on handlers of
 * its own so that slow OCR never holds up deskewing of the next vouchers.
 */
public final class OcrStage implements PipelineStage {

  private final OcrEngine ocr;

  public OcrStage(OcrEngine ocr) {
    this.ocr = ocr;
  }

  @Override
  public String name() {
    return "ocr";
  }

  @Override
  public void process(VoucherEvent event) {
    FieldResults fields = event.get(PipelineKeys.FIELDS);
    Alignment aligned = event.get(PipelineKeys.ALIGNED);
    if (fields == null || aligned == null) {
      return;
    }
    List<FieldResult> read = new ArrayList<>(fields.fields().size());
    for (FieldResult f : fields.fields()) {
      if (!wantsOcr(f)) {
        read.add(f);
        continue;
      }
      try (PageImage slice = aligned.page().crop(f.box())) {
        OcrResult result = ocr.read(slice, f.spec().ocr());
        read.add(f.withOcr(result.text(), result.confidence()));
      }
    }
    event.put(PipelineKeys.FIELDS, new FieldResults(read));
  }

  private static boolean wantsOcr(FieldResult f) {
    return f.spec().ocr() != null
        && f.spec().entryMode() != EntryMode.NONE
        && f.spec().kind() != FieldKind.SEAL
        && f.spec().kind() != FieldKind.SIGNATURE;
  }
}
