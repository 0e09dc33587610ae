package io.voucherflow.process;

import io.voucherflow.common.error.FieldError;
import io.voucherflow.rules.RuleCompiler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a process definition before it is stored, naming each problem by the node it is about
 * ({@code nodes[review].post}) or the transition ({@code transitions[check->review].guard}).
 */
public final class ProcessValidator {

  private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
  private static final Pattern NODE_ID = Pattern.compile("[a-z][a-z0-9_]{0,63}");
  // A task shorter than this cannot be dispatched and worked; one longer than a week is forgotten.
  static final Duration MIN_TIME_LIMIT = Duration.ofSeconds(30);
  static final Duration MAX_TIME_LIMIT = Duration.ofDays(7);

  /** Graphs a designer can still read; also bounds the work of validating one. */
  static final int MAX_NODES = 500;

  private final TransitionChecks transitions;

  public ProcessValidator(RuleCompiler compiler) {
    this.transitions = new TransitionChecks(compiler);
  }

  /** Every problem of the definition; empty when it may be stored. */
  public List<FieldError> problems(ProcessDefinition d, KnownReferences known) {
    List<FieldError> errors = new ArrayList<>();
    checkHeader(d, errors);
    if (d.nodes() == null || d.nodes().isEmpty() || d.nodes().size() > MAX_NODES) {
      errors.add(new FieldError("nodes", "a process needs 1-" + MAX_NODES + " nodes"));
      return errors;
    }
    boolean idsUsable = checkIds(d, errors);
    for (int i = 0; i < d.nodes().size(); i++) {
      checkNode(d, d.nodes().get(i), at(d, i), known, errors);
    }
    if (!idsUsable) {
      return errors; // transitions and the graph cannot be followed without unique ids
    }
    if (d.start() == null || d.node(d.start()).isEmpty()) {
      errors.add(new FieldError("start", "must name a node of the process"));
    }
    boolean linked = transitions.check(d, errors);
    if (linked && d.start() != null && d.node(d.start()).isPresent()) {
      GraphChecks.check(d, errors);
    }
    return errors;
  }

  private static void checkHeader(ProcessDefinition d, List<FieldError> errors) {
    if (d.code() == null || !CODE.matcher(d.code()).matches()) {
      errors.add(
          new FieldError(
              "code", "must be 2-64 upper-case letters, digits or '_', starting with a letter"));
    }
    if (d.name() == null || d.name().isBlank() || d.name().length() > 200) {
      errors.add(new FieldError("name", "must be 1-200 characters"));
    }
    ProcessKind kind = d.processKind().orElse(null);
    if (kind == null) {
      errors.add(new FieldError("kind", "must be business or subprocess"));
    } else if (kind == ProcessKind.BUSINESS
        && (d.businessTypesOrEmpty().isEmpty()
            || d.businessTypesOrEmpty().stream()
                .anyMatch(b -> b == null || !CODE.matcher(b).matches()))) {
      errors.add(
          new FieldError(
              "businessTypes", "a business process names at least one business type (UPPER_CASE)"));
    } else if (kind == ProcessKind.SUBPROCESS && !d.businessTypesOrEmpty().isEmpty()) {
      errors.add(
          new FieldError(
              "businessTypes",
              "a sub-process is called by processes, not bound to business types"));
    }
  }

  private static boolean checkIds(ProcessDefinition d, List<FieldError> errors) {
    Set<String> seen = new HashSet<>();
    boolean usable = true;
    for (int i = 0; i < d.nodes().size(); i++) {
      String id = d.nodes().get(i).id();
      if (id == null || !NODE_ID.matcher(id).matches()) {
        errors.add(
            new FieldError(
                "nodes[" + i + "].id", "must be a snake_case identifier of at most 64 characters"));
        usable = false;
      } else if (!seen.add(id)) {
        errors.add(new FieldError(at(d, i) + ".id", "duplicates another node's id " + id));
        usable = false;
      }
    }
    return usable;
  }

  private static void checkNode(
      ProcessDefinition d,
      ProcessNode n,
      String at,
      KnownReferences known,
      List<FieldError> errors) {
    NodeKind kind = n.nodeKind().orElse(null);
    if (kind == null) {
      errors.add(
          new FieldError(
              at + ".kind", "'" + n.kind() + "' is no node kind; one of " + NodeKind.names()));
      return;
    }
    if (kind.category() == NodeCategory.HUMAN) {
      checkHuman(n, at, known, errors);
    } else {
      refuse(n.post(), at + ".post", "only human nodes have a post", errors);
      refuse(n.timeLimit(), at + ".timeLimit", "only human nodes have a time limit", errors);
    }
    if (kind == NodeKind.CALL) {
      checkCall(d, n, at, known, errors);
    } else {
      refuse(n.call(), at + ".call", "only call nodes run a sub-process", errors);
    }
    if (kind != NodeKind.JOIN) {
      refuse(n.fork(), at + ".fork", "only join nodes name a fork", errors);
    }
    if (kind != NodeKind.DECISION) {
      refuse(n.rule(), at + ".rule", "only decision nodes evaluate a rule", errors);
    }
  }

  private static void checkHuman(
      ProcessNode n, String at, KnownReferences known, List<FieldError> errors) {
    if (n.post() == null || n.post().isBlank()) {
      errors.add(new FieldError(at + ".post", "a human node names the post that does it"));
    } else if (!known.posts().contains(n.post())) {
      errors.add(new FieldError(at + ".post", "names no known post: " + n.post()));
    }
    Duration limit = n.timeLimitDuration().orElse(null);
    if (limit == null) {
      errors.add(
          new FieldError(
              at + ".timeLimit",
              "a human node needs a time limit as an ISO-8601 duration (PT15M)"));
    } else if (limit.compareTo(MIN_TIME_LIMIT) < 0 || limit.compareTo(MAX_TIME_LIMIT) > 0) {
      errors.add(new FieldError(at + ".timeLimit", "must be between 30 seconds and 7 days"));
    }
  }

  private static void checkCall(
      ProcessDefinition d,
      ProcessNode n,
      String at,
      KnownReferences known,
      List<FieldError> errors) {
    CallRef call = n.call();
    if (call == null || call.process() == null) {
      errors.add(new FieldError(at + ".call", "a call node names the sub-process it runs"));
    } else if (call.process().equals(d.code())) {
      errors.add(new FieldError(at + ".call", "a process cannot call itself"));
    } else if (call.version() == null) {
      errors.add(
          new FieldError(
              at + ".call", "names " + call.process() + ", which has no active version"));
    } else if (!known.subProcesses().contains(call.toString())) {
      errors.add(new FieldError(at + ".call", "names no stored sub-process " + call));
    }
  }

  private static void refuse(Object value, String at, String message, List<FieldError> errors) {
    if (value != null) {
      errors.add(new FieldError(at, message));
    }
  }

  /** {@code nodes[id]} when the node has an id, else {@code nodes[index]}. */
  static String at(ProcessDefinition d, int index) {
    String id = d.nodes().get(index).id();
    return "nodes[" + (id == null || id.isBlank() ? String.valueOf(index) : id) + "]";
  }
}
