package io.voucherflow.keying.service;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.voucherflow.cases.service.TaskCompletions;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.keying.repository.KeyingIntakeRepository;
import io.voucherflow.keying.repository.KeyingTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * When every keyed field of a voucher is final, completes the keying case tasks keying took over
 * with the final values, so the case moves on (both keyings of the data entry carry the same
 * values: comparison and arbitration already happened here, field by field).
 */
@ApplicationScoped
public class VoucherKeyingCompletion {

  /** Who completes the case tasks, as case history shows it. */
  public static final String ACTOR = "keying";

  private final KeyingTaskRepository tasks;
  private final KeyingIntakeRepository intake;
  private final TaskCompletions completions;

  @Inject
  public VoucherKeyingCompletion(
      KeyingTaskRepository tasks, KeyingIntakeRepository intake, TaskCompletions completions) {
    this.tasks = tasks;
    this.intake = intake;
    this.completions = completions;
  }

  /** Completes the voucher's case tasks if no keyed field is left open; true if it did. */
  public Uni<Boolean> finishIfDone(UUID voucherId) {
    return tasks
        .fieldsOpen(voucherId)
        .chain(
            open ->
                open > 0
                    ? Uni.createFrom().item(false)
                    : tasks
                        .finalValues(voucherId)
                        .chain(values -> complete(voucherId, values))
                        .replaceWith(true));
  }

  /**
   * Completes the case tasks of each voucher that has no keyed field left open, asking PostgreSQL
   * once for all of them; answers those completed.
   */
  public Uni<Set<UUID>> finishIfDone(Set<UUID> voucherIds) {
    if (voucherIds.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    return tasks
        .fieldsOpen(voucherIds)
        .chain(
            open -> {
              List<UUID> done =
                  voucherIds.stream().filter(v -> open.getOrDefault(v, 0L) == 0).sorted().toList();
              if (done.isEmpty()) {
                return Uni.createFrom().item(Set.<UUID>of());
              }
              return Multi.createFrom()
                  .iterable(done)
                  .onItem()
                  .transformToUniAndConcatenate(
                      v -> tasks.finalValues(v).chain(values -> complete(v, values)))
                  .collect()
                  .last()
                  .replaceWith(Set.copyOf(done));
            });
  }

  private Uni<Void> complete(UUID voucherId, Map<String, Object> values) {
    return intake
        .open(voucherId)
        .chain(
            (List<UUID> caseTasks) ->
                Multi.createFrom()
                    .iterable(caseTasks)
                    .onItem()
                    .transformToUniAndConcatenate(
                        id ->
                            completions
                                .complete(id, ACTOR, "keyed", values)
                                .replaceWithVoid()
                                // Completed or withdrawn meanwhile: nothing left to do for it.
                                .onFailure(
                                    e ->
                                        e instanceof RuleViolationException
                                            || e instanceof NotFoundException)
                                .recoverWithNull()
                                .chain(() -> intake.completed(id)))
                    .collect()
                    .last())
        .replaceWithVoid();
  }
}
