package io.voucherflow.capture;

import java.math.BigDecimal;

/**
 * One voucher of a batch upload: its facts and the names of the multipart parts holding its images.
 */
public record BatchItem(
    String requestId, String businessType, BigDecimal declaredAmount, String front, String back) {

  public CaptureMeta meta() {
    return new CaptureMeta(requestId, businessType, declaredAmount);
  }
}
