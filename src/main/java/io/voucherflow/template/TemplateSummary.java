package io.voucherflow.template;

import java.util.List;

/** The latest version of a template, for lists. */
public record TemplateSummary(String code, int version, String name, List<String> businessTypes) {}
