package io.voucherflow.rules.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The next version of a rule; name and description default to the latest version's. */
public record SaveVersionRequest(
    @Size(min = 1, max = 200) String name,
    @Size(min = 1, max = 4000) String description,
    @NotBlank String expression) {}
