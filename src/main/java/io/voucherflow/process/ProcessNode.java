package io.voucherflow.process;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/**
 * One node of a process graph.
 *
 * @param id unique within the process, referenced by transitions
 * @param kind a {@link NodeKind} name, e.g. {@code review}
 * @param name what the node does, for people
 * @param post the post (岗位) whose staff do a human node's task
 * @param timeLimit how long a human node's task may take (ISO-8601, e.g. {@code PT15M})
 * @param call the sub-process a {@code call} node runs
 * @param fork the fork node a {@code join} node joins
 * @param rule the rule a {@code decision} node evaluates, optional
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessNode(
    String id,
    String kind,
    String name,
    String post,
    String timeLimit,
    CallRef call,
    String fork,
    NodeRule rule) {

  /** The node's kind, when {@code kind} names one. */
  public Optional<NodeKind> nodeKind() {
    return NodeKind.of(kind);
  }

  /** The time limit as a duration, when it is a valid ISO-8601 duration. */
  public Optional<Duration> timeLimitDuration() {
    if (timeLimit == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Duration.parse(timeLimit));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The outcomes this node can end with: its kind's, or its decision rule's. */
  public List<String> outcomes() {
    NodeKind k = nodeKind().orElse(null);
    if (k == NodeKind.DECISION && rule != null) {
      return rule.ruleKind().map(NodeRule.OUTCOMES::get).orElse(List.of());
    }
    return k == null ? List.of() : k.outcomes();
  }

  /** This node calling {@code call} instead. */
  public ProcessNode withCall(CallRef newCall) {
    return new ProcessNode(id, kind, name, post, timeLimit, newCall, fork, rule);
  }
}
