package io.voucherflow.rules;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * A rule in a list: its code and kind, the name of the version in force (or of the latest, before
 * any activation) and which versions exist.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleSummary(
    long id,
    String code,
    RuleKind kind,
    String name,
    Integer activeVersion,
    int latestVersion,
    Instant activatedAt,
    String activatedBy) {}
