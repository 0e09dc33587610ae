package io.voucherflow.pipeline;

import io.voucherflow.template.TemplateDefinition;

/**
 * What layout recognition decided: the template (null when nothing matched well enough), how
 * ({@code QR} or {@code MATCH}), how sure, and the voucher serial the QR carried.
 */
public record Recognition(
    TemplateDefinition template, String method, double confidence, String serial) {

  public static final String QR = "QR";
  public static final String MATCH = "MATCH";

  public static Recognition none(double bestConfidence) {
    return new Recognition(null, MATCH, bestConfidence, null);
  }

  public boolean recognised() {
    return template != null;
  }
}
