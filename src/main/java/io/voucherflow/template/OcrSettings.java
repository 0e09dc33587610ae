package io.voucherflow.template;

/**
 * How to read a field with Tesseract: language ({@code eng} or {@code chi_sim}), an optional
 * character whitelist (digits-only fields use one), and the page-segmentation mode (7 = one line).
 */
public record OcrSettings(String language, String whitelist, int pageSegMode) {}
