package io.voucherflow.cases;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A human task of a case: one node of one token, for staff at one post. */
public record CaseTask(
    UUID id,
    UUID caseId,
    UUID voucherId,
    UUID tokenId,
    int step,
    String process,
    int processVersion,
    String node,
    String kind,
    String post,
    TaskState state,
    Instant dueAt,
    Instant createdAt,
    String claimedBy,
    String completedBy,
    String outcome,
    Map<String, Object> values) {}
