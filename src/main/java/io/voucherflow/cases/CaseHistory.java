package io.voucherflow.cases;

import java.util.List;
import java.util.UUID;

/** A voucher's case and everything that happened to it, oldest first. */
public record CaseHistory(
    UUID caseId,
    UUID voucherId,
    String process,
    Integer processVersion,
    CaseState state,
    List<HistoryEntry> entries) {}
