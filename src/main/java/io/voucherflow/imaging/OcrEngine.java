package io.voucherflow.imaging;

import io.voucherflow.template.OcrSettings;

/** Reads the printed or written text of one field slice, to prefill keying (要素录入). */
public interface OcrEngine {

  /**
   * The text of {@code slice} read with the field's settings. Blocking and CPU-heavy (milliseconds
   * per field): call it from a worker thread, never an event loop. The slice stays open.
   */
  OcrResult read(PageImage slice, OcrSettings settings);
}
