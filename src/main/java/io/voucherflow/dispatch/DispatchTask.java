package io.voucherflow.dispatch;

import java.util.List;

/**
 * A task as the dispatcher queues it: who may take it and how urgent it is, with an opaque body
 * handed to whoever claims it.
 *
 * @param id unique task id
 * @param post the post whose staff take it
 * @param skill the skill a keyer needs for it; empty for any keyer of the post
 * @param group the exclusion group: one keyer never gets two tasks of one group (the two keys of a
 *     field and its arbitration), e.g. {@code voucherId:fieldName}
 * @param voucher the voucher it belongs to, for the per-voucher slice limit
 * @param slice true when it shows a slice (counts towards the per-voucher limit)
 * @param priority lower is sooner: the effective deadline in epoch milliseconds
 * @param body what the claimer gets (JSON), e.g. voucher, field, slice hash
 * @param excludedKeyers keyers who already had a task of this group (restored by a rebuild)
 */
public record DispatchTask(
    String id,
    String post,
    String skill,
    String group,
    String voucher,
    boolean slice,
    long priority,
    String body,
    List<String> excludedKeyers) {

  public DispatchTask {
    skill = skill == null ? "" : skill;
    body = body == null ? "" : body;
    excludedKeyers = excludedKeyers == null ? List.of() : List.copyOf(excludedKeyers);
    // The queue member joins these with '|' (see DispatchRepository).
    for (String part : new String[] {id, skill, voucher, group}) {
      if (part == null || part.indexOf('|') >= 0) {
        throw new IllegalArgumentException("Task id, skill, voucher and group need no '|': " + id);
      }
    }
  }
}
