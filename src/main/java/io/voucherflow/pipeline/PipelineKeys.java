package io.voucherflow.pipeline;

import io.voucherflow.imaging.Alignment;
import io.voucherflow.imaging.PageImage;
import io.voucherflow.imaging.Skew;

/** The results stages leave on a {@link VoucherEvent}, in the order they appear. */
public final class PipelineKeys {

  /** The decoded front page (grayscale). */
  public static final StageKey<PageImage> FRONT = StageKey.of("front", PageImage.class);

  /** Content name of the back page split out of a two-page TIFF. */
  public static final StageKey<String> BACK_SHA = StageKey.of("backSha", String.class);

  public static final StageKey<Skew> SKEW = StageKey.of("skew", Skew.class);
  public static final StageKey<Recognition> RECOGNITION =
      StageKey.of("recognition", Recognition.class);
  public static final StageKey<Alignment> ALIGNED = StageKey.of("aligned", Alignment.class);
  public static final StageKey<FieldResults> FIELDS = StageKey.of("fields", FieldResults.class);

  private PipelineKeys() {}
}
