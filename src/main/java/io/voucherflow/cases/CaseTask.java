package io.voucherflow.cases;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * A human task of a case: one node of one token, for staff at one post. {@code priority} is its
 * score (higher first), fixed when it was queued and raised once by escalation; {@code escalatedAt}
 * says when it was found past its due time (null while it is not).
 */
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
    Map<String, Object> values,
    long priority,
    Instant escalatedAt) {}
