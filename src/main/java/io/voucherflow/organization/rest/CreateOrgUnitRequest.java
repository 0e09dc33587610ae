package io.voucherflow.organization.rest;

import io.voucherflow.organization.OrgUnitKind;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A new organisation unit. */
public record CreateOrgUnitRequest(
    @NotBlank
        @Pattern(
            regexp = "[A-Z0-9_-]{2,32}",
            message = "must be 2-32 upper-case letters, digits, '-' or '_'")
        String code,
    @NotBlank @Size(max = 200) String name,
    @NotNull OrgUnitKind kind,
    String parentCode) {}
