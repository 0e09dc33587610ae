package io.voucherflow.keying;

import java.util.UUID;

/**
 * One key of one field of a voucher (or its arbitration), as PostgreSQL holds it.
 *
 * @param keyNo 1 and 2 for double-blind keys, 1 alone when OCR is to be confirmed, 3 arbitration
 * @param slice slice entry (counts towards the per-voucher slice limit); false for whole-voucher
 *     entry and arbitration, which show the whole voucher
 * @param priority lower is sooner: the effective deadline in epoch milliseconds
 * @param body what the claimer is shown, JSON ({@link AssignmentBody})
 * @param keyedBy the keyer whose key it is, once keyed
 */
public record KeyingTask(
    UUID id,
    UUID voucherId,
    String field,
    UUID caseTaskId,
    String post,
    String skill,
    KeyingKind kind,
    int keyNo,
    boolean slice,
    long priority,
    String body,
    KeyingState state,
    Long keyedBy,
    String value) {

  /** The exclusion group of the field: its keys and arbitration go to different people. */
  public String group() {
    return voucherId + ":" + field;
  }
}
