package io.voucherflow.process;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** Compares two versions of a process. */
public final class ProcessDiffer {

  private static final Map<String, Function<ProcessDefinition, Object>> HEADER =
      new LinkedHashMap<>();
  private static final Map<String, Function<ProcessNode, Object>> NODE = new LinkedHashMap<>();
  private static final Map<String, Function<ProcessTransition, Object>> TRANSITION =
      new LinkedHashMap<>();

  static {
    HEADER.put("name", ProcessDefinition::name);
    HEADER.put("kind", ProcessDefinition::kind);
    HEADER.put("businessTypes", ProcessDefinition::businessTypesOrEmpty);
    HEADER.put("start", ProcessDefinition::start);
    NODE.put("kind", ProcessNode::kind);
    NODE.put("name", ProcessNode::name);
    NODE.put("post", ProcessNode::post);
    NODE.put("timeLimit", ProcessNode::timeLimit);
    NODE.put("call", ProcessNode::call);
    NODE.put("fork", ProcessNode::fork);
    NODE.put("rule", ProcessNode::rule);
    TRANSITION.put("guard", ProcessTransition::guard);
    TRANSITION.put("order", ProcessTransition::rank);
  }

  private ProcessDiffer() {}

  /** The changes that turn {@code before} into {@code after}. */
  public static ProcessDiff diff(ProcessDefinition before, ProcessDefinition after) {
    return new ProcessDiff(
        after.code(),
        before.version(),
        after.version(),
        differing(HEADER, before, after),
        changes(before.nodes(), after.nodes(), ProcessNode::id, NODE),
        changes(
            TransitionChecks.transitions(before),
            TransitionChecks.transitions(after),
            ProcessTransition::key,
            TRANSITION));
  }

  private static <T> ProcessDiff.Changes<T> changes(
      List<T> before,
      List<T> after,
      Function<T, String> key,
      Map<String, Function<T, Object>> attributes) {
    Map<String, T> old = index(before, key);
    Map<String, T> now = index(after, key);
    List<T> added = new ArrayList<>();
    List<ProcessDiff.Change<T>> changed = new ArrayList<>();
    now.forEach(
        (k, item) -> {
          T was = old.get(k);
          List<String> differ = was == null ? List.of() : differing(attributes, was, item);
          if (was == null) {
            added.add(item);
          } else if (!differ.isEmpty()) {
            changed.add(new ProcessDiff.Change<>(k, differ, was, item));
          }
        });
    List<T> removed =
        old.entrySet().stream()
            .filter(e -> !now.containsKey(e.getKey()))
            .map(Map.Entry::getValue)
            .toList();
    return new ProcessDiff.Changes<>(added, removed, changed);
  }

  private static <T> Map<String, T> index(List<T> items, Function<T, String> key) {
    Map<String, T> byKey = new LinkedHashMap<>();
    for (T item : items == null ? List.<T>of() : items) {
      byKey.putIfAbsent(key.apply(item), item);
    }
    return byKey;
  }

  private static <T> List<String> differing(
      Map<String, Function<T, Object>> attributes, T before, T after) {
    return attributes.entrySet().stream()
        .filter(a -> !Objects.equals(a.getValue().apply(before), a.getValue().apply(after)))
        .map(Map.Entry::getKey)
        .toList();
  }
}
