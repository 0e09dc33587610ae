package io.voucherflow.dispatch;

import java.time.Instant;

/** A task leased to one keyer until a deadline, with the body it was queued with. */
public record Lease(String taskId, String body, Instant until) {}
