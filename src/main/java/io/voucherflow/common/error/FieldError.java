package io.voucherflow.common.error;

/** One rejected input field: its path in the request (e.g. {@code postCode}) and why. */
public record FieldError(String field, String message) {}
