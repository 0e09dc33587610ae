package io.voucherflow.pipeline.stage;

import io.voucherflow.imaging.Alignment;
import io.voucherflow.imaging.OcrEngine;
import io.voucherflow.imaging.OcrResult;
import io.voucherflow.imaging.PageImage;
import io.voucherflow.imaging.PixelBox;
import io.voucherflow.pipeline.FieldResult;
import io.voucherflow.pipeline.FieldResults;
import io.voucherflow.pipeline.PipelineKeys;
import io.voucherflow.pipeline.PipelineStage;
import io.voucherflow.pipeline.Recognition;
import io.voucherflow.pipeline.VoucherEvent;
import io.voucherflow.template.EntryMode;
import io.voucherflow.template.FieldKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Reads fields with their template's OCR settings (language, whitelist, segmentation mode): every
 * OCR-only field, and keyed fields of the configured kinds; seals and signatures never. Runs on
 * handlers of its own so that slow OCR never holds up deskewing of the next vouchers.
 */
public final class OcrStage implements PipelineStage {

  // Enough paper around the region for strokes that touch its edge, too little for a neighbour.
  private static final double OCR_MARGIN_MM = 0.5;

  private final OcrEngine ocr;
  private final Set<FieldKind> kinds;

  /**
   * {@code kinds}: the field kinds worth reading (printed digits read well; handwriting rarely
   * does).
   */
  public OcrStage(OcrEngine ocr, Set<FieldKind> kinds) {
    this.ocr = ocr;
    this.kinds = Set.copyOf(kinds);
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
    Recognition r = event.get(PipelineKeys.RECOGNITION);
    double pxPerMm = aligned.width() / r.template().page().widthMm();
    List<FieldResult> read = new ArrayList<>(fields.fields().size());
    for (FieldResult f : fields.fields()) {
      if (!wantsOcr(f)) {
        read.add(f);
        continue;
      }
      // The region itself, not the keyer's slice: the slice's margin shows neighbouring labels
      // and rules, which OCR would read as characters.
      PixelBox box = PixelBox.of(f.spec().region().grow(OCR_MARGIN_MM), pxPerMm);
      try (PageImage slice = aligned.region(box)) {
        OcrResult result = ocr.read(slice, f.spec().ocr());
        read.add(f.withOcr(normalise(f.spec().kind(), result.text()), result.confidence()));
      }
    }
    event.put(PipelineKeys.FIELDS, new FieldResults(read));
  }

  /**
   * Amount boxes hold the digits with a ¥ before the first; the ¥ is read so it is not taken for a
   * digit, and dropped so the value is what a keyer types.
   */
  private static String normalise(FieldKind kind, String text) {
    if (kind != FieldKind.AMOUNT_FIGURES || text == null) {
      return text;
    }
    String digits = text.replace("¥", "");
    return digits.isEmpty() ? null : digits;
  }

  /**
   * Fields nobody keys are read whenever they have settings; keyed fields only for the chosen
   * kinds.
   */
  private boolean wantsOcr(FieldResult f) {
    if (f.spec().ocr() == null
        || f.spec().entryMode() == EntryMode.NONE
        || f.spec().kind() == FieldKind.SEAL
        || f.spec().kind() == FieldKind.SIGNATURE) {
      return false;
    }
    return f.spec().entryMode() == EntryMode.OCR_ONLY || kinds.contains(f.spec().kind());
  }
}
