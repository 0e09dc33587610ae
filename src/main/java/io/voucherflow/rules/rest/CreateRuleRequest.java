package io.voucherflow.rules.rest;

import io.voucherflow.rules.RuleKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new rule and its first version. */
public record CreateRuleRequest(
    @NotBlank
        @Size(max = 100)
        @Pattern(
            regexp = "[a-z][a-z0-9-]*(\\.[a-z0-9][a-z0-9-]*)+",
            message =
                "must be dot-separated parts of lower-case letters, digits and '-',"
                    + " e.g. phone-verification.large-amount")
        String code,
    @NotNull RuleKind kind,
    @NotBlank @Size(max = 200) String name,
    @NotBlank @Size(max = 4000) String description,
    @NotBlank String expression) {}
