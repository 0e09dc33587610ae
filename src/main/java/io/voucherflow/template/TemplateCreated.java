package io.voucherflow.template;

/** Fired after a template version is committed, so caches of templates can pick it up. */
public record TemplateCreated(String code, int version) {}
