package io.voucherflow.keying.websocket;

import io.voucherflow.common.error.VoucherFlowException;
import java.util.Set;
import java.util.UUID;

/** A key, skip or unreadable of one task was refused; carries the task for the error message. */
final class TaskRefused extends RuntimeException {

  // Refusals after which the task is no longer the keyer's, so it leaves their screen.
  private static final Set<String> GONE =
      Set.of("keying.task.lease-expired", "keying.task.already-completed", "keying.task.not-found");

  private final VoucherFlowException refusal;
  private final UUID taskId;

  TaskRefused(VoucherFlowException refusal, UUID taskId) {
    super(refusal.getMessage(), refusal, false, false);
    this.refusal = refusal;
    this.taskId = taskId;
  }

  String code() {
    return refusal.code();
  }

  UUID taskId() {
    return taskId;
  }

  /** True when the keyer no longer holds the task. */
  boolean gone() {
    return GONE.contains(refusal.code());
  }
}
