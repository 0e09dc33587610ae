package io.voucherflow.keying;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.util.List;
import java.util.UUID;

/**
 * What a keyer is shown for a task, kept with it in Redis so a claim needs no database read.
 *
 * @param fieldKind the field's kind as JSON names it ({@code amount_words})
 * @param sliceSha256 the slice image, under {@code /api/vouchers/{id}/fields/{name}/slice}
 * @param whole whole-voucher entry (the keyer sees the voucher image)
 * @param shown the two keys to pick from, for an arbitration in pick mode; empty otherwise
 */
// Written to and read from Redis with Jackson outside REST: kept for reflection in native images.
@RegisterForReflection
public record AssignmentBody(
    UUID voucherId,
    String field,
    String fieldKind,
    KeyingKind kind,
    int keyNo,
    String sliceSha256,
    boolean whole,
    List<String> shown) {

  public AssignmentBody {
    shown = shown == null ? List.of() : List.copyOf(shown);
  }
}
