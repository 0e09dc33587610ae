package io.voucherflow.rules;

import java.util.Map;
import java.util.UUID;

/**
 * A dry run: one rule (an expression, or a saved rule by code or id, at its active version unless
 * {@code version} says otherwise) against facts given, built from a stored voucher, or both (the
 * given facts then override the voucher's).
 *
 * @param kind for an expression only; without it, any result type of a rule kind is accepted
 */
public record RuleDryRun(
    String expression,
    RuleKind kind,
    String ruleCode,
    Long ruleId,
    Integer version,
    Map<String, Object> facts,
    UUID voucherId) {}
