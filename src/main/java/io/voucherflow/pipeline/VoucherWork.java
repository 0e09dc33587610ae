package io.voucherflow.pipeline;

import java.util.UUID;

/**
 * What the pipeline needs to know of an accepted voucher: its id and where its images are in the
 * content store. The pipeline never reads the voucher tables; the last stage reports back.
 */
public record VoucherWork(
    UUID id, String originalSha256, String originalFormat, String backSha256) {

  public static VoucherWork of(UUID id) {
    return new VoucherWork(id, null, null, null);
  }
}
