package io.voucherflow.process.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.FieldError;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.process.CallRef;
import io.voucherflow.process.KnownReferences;
import io.voucherflow.process.NodeKind;
import io.voucherflow.process.ProcessDefinition;
import io.voucherflow.process.ProcessNode;
import io.voucherflow.process.ProcessValidator;
import io.voucherflow.process.repository.ActiveProcessRepository;
import io.voucherflow.process.repository.ProcessVersionRepository;
import io.voucherflow.rules.RuleCompiler;
import io.voucherflow.staff.service.PostService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Validates definitions against what they refer to (posts, stored sub-processes, the rule
 * language), after pinning unversioned calls to the sub-processes' active versions. Runs inside the
 * caller's session.
 */
@ApplicationScoped
public class ProcessChecks {

  /** Problem code of a definition that may not be stored or activated. */
  public static final String INVALID = "process.invalid";

  private final ProcessVersionRepository versions;
  private final ActiveProcessRepository active;
  private final PostService posts;
  // Our own compiler: it is thread-safe and holds no state a rules endpoint would need to share.
  private final ProcessValidator validator = new ProcessValidator(new RuleCompiler());

  @Inject
  public ProcessChecks(
      ProcessVersionRepository versions, ActiveProcessRepository active, PostService posts) {
    this.versions = versions;
    this.active = active;
    this.posts = posts;
  }

  /** The definition with its calls pinned, when valid. */
  public Uni<ProcessDefinition> prepared(ProcessDefinition submitted) {
    if (submitted == null) {
      return Uni.createFrom().failure(invalid(List.of(new FieldError("body", "is required"))));
    }
    return pinned(submitted).chain(this::checked);
  }

  /** The stored definition, still valid (posts and the rule language may have changed since). */
  public Uni<ProcessDefinition> checked(ProcessDefinition d) {
    Set<String> called = callsOf(d).stream().map(CallRef::process).collect(Collectors.toSet());
    return posts
        .list()
        .map(list -> list.stream().map(p -> p.code).collect(Collectors.toSet()))
        .chain(
            postCodes ->
                versions
                    .subProcessVersions(called)
                    .map(subs -> new KnownReferences(postCodes, subs)))
        .chain(known -> kindKept(d).map(errors -> problems(d, known, errors)))
        .map(
            errors -> {
              if (!errors.isEmpty()) {
                throw invalid(errors);
              }
              return d;
            });
  }

  private List<FieldError> problems(
      ProcessDefinition d, KnownReferences known, List<FieldError> before) {
    List<FieldError> errors = new ArrayList<>(before);
    errors.addAll(validator.problems(d, known));
    return errors;
  }

  /** A code keeps its kind: a sub-process cannot become a business process, or back. */
  private Uni<List<FieldError>> kindKept(ProcessDefinition d) {
    if (d.code() == null) {
      return Uni.createFrom().item(List.of());
    }
    return versions
        .latest(d.code())
        .map(
            latest ->
                latest == null || latest.kind.equals(d.kind())
                    ? List.of()
                    : List.of(
                        new FieldError(
                            "kind",
                            d.code() + " is a " + latest.kind + "; its kind cannot change")));
  }

  private Uni<ProcessDefinition> pinned(ProcessDefinition d) {
    Set<String> unpinned = new HashSet<>();
    for (CallRef call : callsOf(d)) {
      if (call.version() == null) {
        unpinned.add(call.process());
      }
    }
    if (unpinned.isEmpty()) {
      return Uni.createFrom().item(d);
    }
    return active
        .list("code in ?1", unpinned)
        .map(
            rows -> {
              List<ProcessNode> nodes =
                  d.nodes().stream()
                      .map(
                          n -> {
                            if (n.call() == null || n.call().version() != null) {
                              return n;
                            }
                            Integer v =
                                rows.stream()
                                    .filter(a -> a.code.equals(n.call().process()))
                                    .map(a -> a.version)
                                    .findFirst()
                                    .orElse(null);
                            return n.withCall(new CallRef(n.call().process(), v));
                          })
                      .toList();
              return d.with(d.version(), nodes);
            });
  }

  private static List<CallRef> callsOf(ProcessDefinition d) {
    if (d.nodes() == null) {
      return List.of();
    }
    return d.nodes().stream()
        .filter(n -> n.nodeKind().orElse(null) == NodeKind.CALL || n.call() != null)
        .map(ProcessNode::call)
        .filter(c -> c != null && c.process() != null)
        .toList();
  }

  static InvalidInputException invalid(List<FieldError> errors) {
    return new InvalidInputException(
        INVALID,
        errors.stream().map(e -> e.field() + " " + e.message()).collect(Collectors.joining("; ")),
        errors);
  }
}
