package io.voucherflow.capture.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Capture limits (prefix {@code vf.capture}); an upload over any of them is refused and nothing is
 * stored.
 */
@ConfigMapping(prefix = "vf.capture")
public interface CaptureConfig {

  /** Largest accepted upload per image, in bytes (20 MiB). */
  @WithDefault("20971520")
  long maxBytes();

  /** Most pixels an upload may declare over all its pages; guards against decompression bombs. */
  @WithDefault("60000000")
  long maxPixels();

  /** Most pages in one upload (a TIFF holds the front, then the back). */
  @WithDefault("2")
  int maxPages();

  /** Captures being stored at the same time; beyond it capture answers 503 with Retry-After. */
  @WithDefault("12")
  int maxConcurrent();

  /** Most vouchers in one batch request from a high-volume scanner. */
  @WithDefault("50")
  int maxBatch();
}
