package io.voucherflow.pipeline.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Image pipeline settings (prefix {@code vf.pipeline}). */
@ConfigMapping(prefix = "vf.pipeline")
public interface PipelineConfig {

  /** Slots in the ring buffer (a power of two); when all are taken, capture answers 503. */
  @WithDefault("1024")
  int ringSize();

  /** Handlers for each CPU-bound image stage (decode, deskew, align, slice). */
  @WithDefault("2")
  int imageParallelism();

  /**
   * Handlers for OCR, kept apart so slow OCR never stalls the image stages; 0 switches OCR off
   * (every field is then keyed).
   */
  @WithDefault("2")
  int ocrParallelism();

  /**
   * Kinds of keyed field that OCR pre-fills (OCR-only fields are always read). Printed digits read
   * at about 5 ms a field and save a key each; Chinese text costs four times that and handwriting
   * rarely reads, so those are keyed.
   */
  @WithDefault("ACCOUNT,AMOUNT_FIGURES")
  java.util.Set<io.voucherflow.template.FieldKind> ocrKinds();

  /** Most finished vouchers written to the database in one round trip. */
  @WithDefault("64")
  int persistBatch();

  /** Seconds a client is told to wait before retrying when the ring is full. */
  @WithDefault("2")
  int retryAfterSeconds();
}
