package io.voucherflow.imaging;

/**
 * What OCR read: the text (trimmed; without spaces when the field's whitelist has none) and the
 * engine's mean word confidence in [0, 1], 0 when nothing was read.
 */
public record OcrResult(String text, double confidence) {

  public static final OcrResult EMPTY = new OcrResult("", 0);

  public boolean isEmpty() {
    return text.isEmpty();
  }
}
