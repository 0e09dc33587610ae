package io.voucherflow.cases;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One row of a case's history: a node entered or left (or the case ended there), by whom or by
 * which rule, with the facts that decided.
 */
public record HistoryEntry(
    UUID tokenId,
    int seq,
    String event,
    String process,
    int processVersion,
    String node,
    String actor,
    String rule,
    Integer ruleVersion,
    String outcome,
    Map<String, Object> facts,
    String detail,
    Instant at) {}
