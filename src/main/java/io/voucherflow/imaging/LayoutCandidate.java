package io.voucherflow.imaging;

import io.voucherflow.template.TemplateDefinition;

/** A template prepared for layout matching by one {@link LayoutMatcher}; holds native memory. */
public interface LayoutCandidate extends AutoCloseable {

  TemplateDefinition template();

  @Override
  void close();
}
