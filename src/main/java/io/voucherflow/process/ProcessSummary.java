package io.voucherflow.process;

import java.util.List;

/** One process code for lists: its latest and its active version. */
public record ProcessSummary(
    String code,
    String kind,
    String name,
    int latestVersion,
    Integer activeVersion,
    List<String> businessTypes) {}
