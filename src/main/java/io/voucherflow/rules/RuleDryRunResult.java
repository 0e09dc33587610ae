package io.voucherflow.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;
import java.util.SortedSet;

/**
 * The value a rule gave, the declared facts it read, and the facts it was given.
 *
 * @param ruleCode and {@code version}: the saved rule run, when it was one
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleDryRunResult(
    Object value,
    SortedSet<String> factsRead,
    RuleKind kind,
    String ruleCode,
    Integer version,
    Map<String, Object> facts) {}
