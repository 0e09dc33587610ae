package io.voucherflow.pipeline;

import io.voucherflow.imaging.PixelBox;
import io.voucherflow.template.FieldSpec;

/** One field after slicing (and OCR, when the field asks for it). */
public record FieldResult(
    FieldSpec spec, PixelBox box, String sliceSha256, String ocrText, Double ocrConfidence) {

  public FieldResult withOcr(String text, double confidence) {
    return new FieldResult(spec, box, sliceSha256, text, confidence);
  }
}
