package io.voucherflow.imaging;

import io.voucherflow.template.TemplateDefinition;

/**
 * The template a page most resembles: {@code confidence} in [0, 1] (1 = identical layout), and
 * {@code margin}, how far ahead of the runner-up it is (1 when it was the only candidate). A small
 * margin means two templates look alike and a person should pick.
 */
public record LayoutMatch(TemplateDefinition template, double confidence, double margin) {

  public String code() {
    return template.code();
  }

  public int version() {
    return template.version();
  }

  /** Whether the match is both good enough and clearly ahead of the next-best template. */
  public boolean accepted(double minConfidence, double minMargin) {
    return confidence >= minConfidence && margin >= minMargin;
  }
}
