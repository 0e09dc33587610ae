package io.voucherflow.staff.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/** A post to define: the task kinds it owns and the skills it needs. */
public record CreatePostRequest(
    @NotBlank
        @Pattern(
            regexp = "[A-Z0-9_]{2,64}",
            message = "must be 2-64 upper-case letters, digits or '_'")
        String code,
    @NotBlank @Size(max = 200) String name,
    @NotEmpty List<@NotBlank String> taskKinds,
    @NotNull List<@NotBlank String> skills) {}
