package io.voucherflow.imaging;

import io.voucherflow.template.TemplateDefinition;

/** A template prepared for alignment by one {@link Aligner}; holds native memory. */
public interface AlignmentReference extends AutoCloseable {

  TemplateDefinition template();

  /** The reference image's width in pixels: aligned pages have this width. */
  int width();

  /** The reference image's height in pixels: aligned pages have this height. */
  int height();

  @Override
  void close();
}
