package io.voucherflow.staff.rest;

import jakarta.validation.constraints.NotBlank;

/** Sign in (签到) at a post. */
public record SignInRequest(@NotBlank String postCode) {}
