package io.voucherflow.keying;

import io.voucherflow.template.FieldKind;
import java.util.List;
import java.util.UUID;

/** One field of a voucher with OCR's reading and every keying task it has had so far. */
public record FieldKeys(
    UUID voucherId,
    String field,
    FieldKind kind,
    String ocrValue,
    Double ocrConfidence,
    List<KeyingTask> tasks) {}
