package io.voucherflow.cases;

import java.util.UUID;

/**
 * A voucher's case as read for one step; {@code version} is what the step's write must still find.
 */
public record CaseInstance(
    UUID id,
    UUID voucherId,
    String businessType,
    String processCode,
    Integer processVersion,
    CaseState state,
    long version) {}
