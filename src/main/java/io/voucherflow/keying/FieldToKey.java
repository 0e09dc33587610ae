package io.voucherflow.keying;

import io.voucherflow.template.FieldKind;

/** A voucher field waiting for keying, as capture stored it. */
public record FieldToKey(
    String name,
    FieldKind kind,
    boolean whole,
    String sliceSha256,
    String ocrValue,
    Double ocrConfidence) {}
