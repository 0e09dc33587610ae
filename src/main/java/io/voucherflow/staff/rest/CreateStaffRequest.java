package io.voucherflow.staff.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A member of staff to register; {@code subject} may be left empty and is bound at first sign-in.
 */
public record CreateStaffRequest(
    @NotBlank
        @Pattern(
            regexp = "[a-z0-9._-]{2,100}",
            message = "must be 2-100 lower-case letters, digits, '.', '_' or '-'")
        String username,
    @Size(max = 100) String subject,
    @NotBlank @Size(max = 200) String displayName,
    @NotBlank String orgUnitCode,
    @NotNull List<@NotBlank String> posts,
    @NotNull List<@NotBlank String> skills) {}
