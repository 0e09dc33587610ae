package io.voucherflow.template;

/** A printed mark (title, box corner, logo) used to register a scanned page to the template. */
public record Anchor(String name, Region region) {}
