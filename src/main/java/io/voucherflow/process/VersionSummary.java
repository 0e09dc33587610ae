package io.voucherflow.process;

import java.time.Instant;

/** One stored version of a process, for its history. */
public record VersionSummary(
    int version, String name, boolean active, Instant createdAt, String createdBy) {}
