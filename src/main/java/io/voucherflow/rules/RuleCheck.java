package io.voucherflow.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Whether an expression compiles as a rule, and if not why (1-based line and column per issue).
 *
 * @param kind the kind it was checked as (for an expression checked without one, the first kind its
 *     result type fits)
 * @param factsRead the declared facts it reads, when it compiles
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleCheck(
    boolean valid, RuleKind kind, List<RuleIssue> issues, List<String> factsRead) {}
