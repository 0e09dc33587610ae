package io.voucherflow.dispatch;

import io.smallrye.mutiny.Multi;

/**
 * Where the queues are rebuilt from: the unfinished tasks in PostgreSQL, the source of truth. The
 * feature that owns the tasks (keying) implements it, so dispatch does not depend on it.
 */
public interface DispatchSource {

  /** Every task not finished, with the keyers already excluded from its group. */
  Multi<DispatchTask> unfinished();
}
