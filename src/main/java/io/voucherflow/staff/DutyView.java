package io.voucherflow.staff;

import java.time.Instant;

/** A duty session as clients see it. */
public record DutyView(
    String username,
    String postCode,
    Instant signedInAt,
    Instant signedOutAt,
    String signedOutBy,
    boolean forced,
    int requeuedTasks) {

  public static DutyView of(DutySession d, String username) {
    return new DutyView(
        username,
        d.postCode,
        d.signedInAt,
        d.signedOutAt,
        d.signedOutBy,
        d.forced,
        d.requeuedTasks);
  }
}
