package io.voucherflow.process;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A way from one node to another. When a node ends with an outcome, the engine tries the node's
 * transitions whose {@code on} is absent or equals the outcome, by ascending {@code order} (then as
 * listed), and takes the first whose guard is absent or true. A guard that cannot be evaluated is
 * false (the fail-safe value of a transition guard). A fork takes all its transitions at once.
 *
 * @param on the outcome this transition is for; absent for any outcome
 * @param guard a rule of kind {@code TRANSITION_GUARD} (CEL over the declared facts), optional
 * @param order tried in ascending order; absent counts as 0
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProcessTransition(String from, String to, String on, String guard, Integer order) {

  /** The order the engine tries this transition in among its node's. */
  public int rank() {
    return order == null ? 0 : order;
  }

  /** {@code from->to}, or {@code from->to@on} for an outcome: how problems and the diff name it. */
  public String key() {
    return from + "->" + to + (on == null ? "" : "@" + on);
  }
}
