package io.voucherflow.process;

import io.voucherflow.common.error.FieldError;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The shape checks, on a definition whose transitions all link known nodes: every node reachable
 * from the start and able to reach an end, and every fork joined by exactly one join that each of
 * its branches reaches without finishing first.
 */
final class GraphChecks {

  private final ProcessDefinition d;
  private final Map<String, Set<String>> next = new HashMap<>();
  private final Map<String, Set<String>> previous = new HashMap<>();
  private final List<FieldError> errors;

  private GraphChecks(ProcessDefinition d, List<FieldError> errors) {
    this.d = d;
    this.errors = errors;
    for (ProcessNode n : d.nodes()) {
      next.put(n.id(), new LinkedHashSet<>());
      previous.put(n.id(), new LinkedHashSet<>());
    }
    for (ProcessTransition t : TransitionChecks.transitions(d)) {
      next.get(t.from()).add(t.to());
      previous.get(t.to()).add(t.from());
    }
  }

  static void check(ProcessDefinition d, List<FieldError> errors) {
    GraphChecks graph = new GraphChecks(d, errors);
    graph.checkPaths();
    graph.checkForks();
  }

  private void checkPaths() {
    Set<String> reachable = walk(Set.of(d.start()), next, id -> true);
    Set<String> ends = new HashSet<>();
    d.nodes().stream().filter(n -> category(n) == NodeCategory.END).forEach(n -> ends.add(n.id()));
    Set<String> ending = walk(ends, previous, id -> true);
    for (int i = 0; i < d.nodes().size(); i++) {
      ProcessNode n = d.nodes().get(i);
      String at = ProcessValidator.at(d, i);
      if (!reachable.contains(n.id())) {
        errors.add(new FieldError(at, "is unreachable from the start node " + d.start()));
      }
      if (category(n) == NodeCategory.END) {
        continue;
      }
      if (next.get(n.id()).isEmpty()) {
        errors.add(new FieldError(at, "has no way out: only end nodes may have no transitions"));
      } else if (!ending.contains(n.id())) {
        errors.add(new FieldError(at, "has no way out: no path from it reaches an end node"));
      }
    }
  }

  private void checkForks() {
    Map<String, String> joinOf = new HashMap<>();
    for (int i = 0; i < d.nodes().size(); i++) {
      ProcessNode n = d.nodes().get(i);
      if (n.nodeKind().orElse(null) != NodeKind.JOIN) {
        continue;
      }
      String at = ProcessValidator.at(d, i) + ".fork";
      ProcessNode fork = n.fork() == null ? null : d.node(n.fork()).orElse(null);
      if (fork == null || fork.nodeKind().orElse(null) != NodeKind.FORK) {
        errors.add(
            new FieldError(
                at, "a join names the fork whose branches it joins; no fork " + n.fork()));
      } else if (joinOf.putIfAbsent(fork.id(), n.id()) != null) {
        errors.add(
            new FieldError(at, fork.id() + " is already joined by " + joinOf.get(fork.id())));
      }
    }
    for (int i = 0; i < d.nodes().size(); i++) {
      ProcessNode n = d.nodes().get(i);
      if (n.nodeKind().orElse(null) == NodeKind.FORK) {
        checkBranches(n, joinOf.get(n.id()), ProcessValidator.at(d, i));
      }
    }
  }

  private void checkBranches(ProcessNode fork, String join, String at) {
    if (next.get(fork.id()).size() < 2) {
      errors.add(new FieldError(at, "a fork needs at least two branches"));
    }
    if (join == null) {
      errors.add(new FieldError(at, "is a fork without a join naming it"));
      return;
    }
    for (String branch : next.get(fork.id())) {
      // The branch's nodes: everything it reaches before the join.
      Set<String> nodes = walk(Set.of(branch), next, id -> !id.equals(join));
      if (!nodes.contains(join)) {
        errors.add(new FieldError(at, "its branch to " + branch + " never reaches " + join));
      }
      nodes.stream()
          .filter(id -> d.node(id).flatMap(ProcessNode::nodeKind).orElse(null) == NodeKind.DONE)
          .findFirst()
          .ifPresent(
              done ->
                  errors.add(
                      new FieldError(
                          at,
                          "its branch to "
                              + branch
                              + " can finish at "
                              + done
                              + " without joining at "
                              + join)));
    }
  }

  /** The nodes reached from {@code from} along {@code edges}, expanding only where allowed. */
  private static Set<String> walk(
      Set<String> from, Map<String, Set<String>> edges, Predicate<String> expand) {
    Set<String> seen = new LinkedHashSet<>(from);
    Deque<String> todo = new ArrayDeque<>(from);
    while (!todo.isEmpty()) {
      String id = todo.pop();
      if (!expand.test(id)) {
        continue;
      }
      for (String to : edges.getOrDefault(id, Set.of())) {
        if (seen.add(to)) {
          todo.push(to);
        }
      }
    }
    return seen;
  }

  private static NodeCategory category(ProcessNode n) {
    return n.nodeKind().map(NodeKind::category).orElse(null);
  }
}
