package io.voucherflow.rules.rest;

import io.voucherflow.rules.RuleKind;

/** An expression to check, as a rule of {@code kind} (any kind when absent). */
public record ValidateRuleRequest(String expression, RuleKind kind) {}
