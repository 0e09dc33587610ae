package io.voucherflow.capture;

import java.util.UUID;

/**
 * The answer to an accepted capture; {@code duplicate} is true when the requestId was seen before.
 */
public record CaptureReceipt(UUID id, VoucherState state, String location, boolean duplicate) {}
