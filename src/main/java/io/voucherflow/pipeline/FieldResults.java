package io.voucherflow.pipeline;

import java.util.List;

/** The fields of one voucher, in template order; replaced as a whole when OCR adds its readings. */
public record FieldResults(List<FieldResult> fields) {}
