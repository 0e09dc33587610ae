package io.voucherflow.template;

/** A voucher's paper size in millimetres. */
public record PageSize(double widthMm, double heightMm) {}
