package io.voucherflow.process;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The kinds of process node, each with the outcomes its work can end with; transitions pick an
 * outcome with {@code on}. Written in lower case in definitions ({@code seal_manual}).
 */
public enum NodeKind {
  IDENTIFY(NodeCategory.AUTOMATIC, "identified", "unknown"),
  SLICE(NodeCategory.AUTOMATIC, "sliced"),
  OCR(NodeCategory.AUTOMATIC, "read"),
  COMPARE(NodeCategory.AUTOMATIC, "match", "mismatch"),
  CHECK(NodeCategory.AUTOMATIC, "pass", "fail"),
  SEAL_AUTO(NodeCategory.AUTOMATIC, "pass", "fail", "doubt"),
  RISK(NodeCategory.AUTOMATIC, "clear", "warn"),
  POST(NodeCategory.AUTOMATIC, "posted", "failed"),
  PRINT(NodeCategory.AUTOMATIC, "printed"),
  RECEIPT(NodeCategory.AUTOMATIC, "sent"),

  CLASSIFY(NodeCategory.HUMAN, "classified", "return"),
  KEY_SLICE(NodeCategory.HUMAN, "keyed"),
  KEY_WHOLE(NodeCategory.HUMAN, "keyed"),
  ARBITRATE(NodeCategory.HUMAN, "resolved", "return"),
  REVIEW(NodeCategory.HUMAN, "approve", "return"),
  SEAL_MANUAL(NodeCategory.HUMAN, "pass", "fail"),
  PHONE_VERIFY(NodeCategory.HUMAN, "confirmed", "refused", "unreachable"),
  BRANCH_AUTHORIZE(NodeCategory.HUMAN, "approved", "rejected"),
  CENTRE_AUTHORIZE(NodeCategory.HUMAN, "approved", "rejected"),
  REPAIR(NodeCategory.HUMAN, "repaired", "return"),

  /** Routes only; with a rule, its outcome is the rule's value (see {@link NodeRule}). */
  DECISION(NodeCategory.CONTROL),
  /** Starts one parallel branch per outgoing transition. */
  FORK(NodeCategory.CONTROL),
  /** Waits for every branch of the fork it names, then continues once. */
  JOIN(NodeCategory.CONTROL),
  /** Runs a sub-process version; ends with {@code done} when the sub-process does. */
  CALL(NodeCategory.CONTROL, "done"),

  /** The (sub-)process finished; a sub-process returns to its caller. */
  DONE(NodeCategory.END),
  /** The case goes back to the branch for correction (退回补正), from any depth or branch. */
  RETURNED_TO_BRANCH(NodeCategory.END);

  private final NodeCategory category;
  private final List<String> outcomes;

  NodeKind(NodeCategory category, String... outcomes) {
    this.category = category;
    this.outcomes = List.of(outcomes);
  }

  public NodeCategory category() {
    return category;
  }

  /** The outcomes the node's work ends with; empty for nodes that have none of their own. */
  public List<String> outcomes() {
    return outcomes;
  }

  /** The name in definitions, e.g. {@code seal_manual}. */
  public String json() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The kind written as {@code name}, if there is one. */
  public static Optional<NodeKind> of(String name) {
    return Arrays.stream(values()).filter(k -> k.json().equals(name)).findFirst();
  }

  /** Every kind's name, for messages. */
  public static List<String> names() {
    return Arrays.stream(values()).map(NodeKind::json).toList();
  }
}
