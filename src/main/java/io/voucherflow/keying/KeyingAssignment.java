package io.voucherflow.keying;

import java.time.Instant;
import java.util.UUID;

/** A task on a keyer's screen: what to key and until when the lease holds. */
public record KeyingAssignment(UUID taskId, AssignmentBody task, Instant leaseUntil) {}
