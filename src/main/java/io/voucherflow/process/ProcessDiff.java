package io.voucherflow.process;

import java.util.List;

/**
 * What changed from one version of a process to another: top-level attributes, nodes (by id) and
 * transitions (by {@code from->to@on}).
 */
public record ProcessDiff(
    String code,
    int from,
    int to,
    List<String> attributes,
    Changes<ProcessNode> nodes,
    Changes<ProcessTransition> transitions) {

  /** Items only in the newer version, only in the older, and in both but different. */
  public record Changes<T>(List<T> added, List<T> removed, List<Change<T>> changed) {}

  /** One item in both versions: its key, the attributes that differ, and both forms. */
  public record Change<T>(String key, List<String> attributes, T before, T after) {}
}
