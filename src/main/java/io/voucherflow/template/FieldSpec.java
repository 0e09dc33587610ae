package io.voucherflow.template;

/** One field of a template: what it holds, where it is printed, how it is read and keyed. */
public record FieldSpec(
    String name,
    FieldKind kind,
    Region region,
    OcrSettings ocr,
    EntryMode entryMode,
    boolean required) {}
