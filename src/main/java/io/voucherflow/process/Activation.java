package io.voucherflow.process;

import java.util.List;

/**
 * The result of activating a version: the version it replaced, and the business types now bound to
 * it or no longer bound to this process.
 */
public record Activation(
    String code, int version, Integer previousVersion, List<String> bound, List<String> unbound) {}
