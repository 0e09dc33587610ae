package io.voucherflow.process;

import java.time.Instant;

/** A business type and the process version its new cases start on. */
public record BindingView(
    String businessType, String processCode, int processVersion, Instant boundAt, String boundBy) {

  public static BindingView of(ProcessBinding b) {
    return new BindingView(b.businessType, b.processCode, b.processVersion, b.boundAt, b.boundBy);
  }
}
