package io.voucherflow.capture;

/** Where a voucher is in intake. */
public enum VoucherState {
  /** Stored and committed; waiting for (or in) the image pipeline. */
  ACCEPTED,
  /** Straightened, identified, sliced and OCR'd: ready for keying. */
  SLICED,
  /** No template was recognised with enough confidence: a person must classify it. */
  CLASSIFICATION_NEEDED,
  /** The image could not be processed (unreadable after acceptance, or a stage failed). */
  FAILED
}
