package io.voucherflow.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Optional;

/**
 * A process template (流程模板): nodes and the transitions between them, starting at {@code start}. A
 * business process names the business types it serves; a sub-process (原子流程) is run by other
 * processes' {@code call} nodes.
 *
 * <p>A definition is immutable: a change is a new {@code version}, numbered by the platform; cases
 * keep the version they started with.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessDefinition(
    String code,
    Integer version,
    String name,
    String kind,
    List<String> businessTypes,
    String start,
    List<ProcessNode> nodes,
    List<ProcessTransition> transitions) {

  /** The kind, when {@code kind} names one. */
  public Optional<ProcessKind> processKind() {
    return ProcessKind.of(kind);
  }

  /** The node with this id. */
  public Optional<ProcessNode> node(String id) {
    return nodes == null
        ? Optional.empty()
        : nodes.stream().filter(n -> id != null && id.equals(n.id())).findFirst();
  }

  /** The business types, never null. */
  public List<String> businessTypesOrEmpty() {
    return businessTypes == null ? List.of() : businessTypes;
  }

  /** This definition as version {@code v}, with these nodes. */
  public ProcessDefinition with(Integer v, List<ProcessNode> newNodes) {
    return new ProcessDefinition(code, v, name, kind, businessTypes, start, newNodes, transitions);
  }
}
