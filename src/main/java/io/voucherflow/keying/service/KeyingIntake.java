package io.voucherflow.keying.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.voucherflow.dispatch.service.DispatchService;
import io.voucherflow.keying.config.KeyingConfig;
import io.voucherflow.keying.repository.KeyingIntakeRepository;
import io.voucherflow.keying.repository.KeyingTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Takes over the key_slice / key_whole tasks the case engine opens: makes the voucher's keying
 * tasks (once per voucher, however many keying case tasks it has) and queues them. Reads case tasks
 * from PostgreSQL, so a crash between a case step and this loses nothing.
 */
@ApplicationScoped
public class KeyingIntake {

  private static final Logger LOG = Logger.getLogger(KeyingIntake.class);

  private final KeyingIntakeRepository intake;
  private final KeyingTaskRepository tasks;
  private final KeyingTaskFactory factory;
  private final TaskPriority priority;
  private final DispatchService dispatch;
  private final VoucherKeyingCompletion vouchers;
  private final KeyingConfig config;
  // The first look after start read every waiting case task.
  private volatile boolean caughtUp;
  // Where the rolling look through the open keying case tasks has got to.
  private volatile KeyingIntakeRepository.Cursor cursor = KeyingIntakeRepository.Cursor.START;

  @Inject
  public KeyingIntake(
      KeyingIntakeRepository intake,
      KeyingTaskRepository tasks,
      KeyingTaskFactory factory,
      TaskPriority priority,
      DispatchService dispatch,
      VoucherKeyingCompletion vouchers,
      KeyingConfig config) {
    this.intake = intake;
    this.tasks = tasks;
    this.factory = factory;
    this.priority = priority;
    this.dispatch = dispatch;
    this.vouchers = vouchers;
    this.config = config;
  }

  @Scheduled(
      every = "${vf.keying.intake-every:1s}",
      delayed = "3s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return config.intakeEnabled() ? look().replaceWithVoid() : Uni.createFrom().voidItem();
  }

  /**
   * One look of the schedule. The first after start takes over every waiting voucher, oldest first
   * (catching up after downtime); each later one those whose keying case tasks were created within
   * {@code vf.keying.intake-lookback}, then goes on through the open keying case tasks by a chunk
   * of {@code vf.keying.intake-chunk}, so one the short looks missed (a voucher whose take-over
   * failed) is found within a few rounds of the backlog, at a cost per look that does not grow with
   * it. Answers how many vouchers were taken over.
   */
  Uni<Integer> look() {
    if (!caughtUp) {
      caughtUp = true;
      return sweep();
    }
    return sweepRecent()
        .chain(
            recent ->
                intake
                    .waitingIn(cursor, config.intakeChunk())
                    .chain(
                        chunk -> {
                          cursor = chunk.next();
                          return takeAll(Uni.createFrom().item(chunk.waiting()));
                        })
                    .map(rolling -> recent + rolling));
  }

  /** Takes over the waiting vouchers; answers how many. */
  public Uni<Integer> sweep() {
    return takeAll(intake.vouchersWaiting(config.intakeBatch()));
  }

  /**
   * Takes over the waiting vouchers whose keying case tasks were created within {@code
   * vf.keying.intake-lookback}; answers how many.
   */
  public Uni<Integer> sweepRecent() {
    return takeAll(intake.vouchersWaitingSince(config.intakeLookback(), config.intakeBatch()));
  }

  private Uni<Integer> takeAll(Uni<List<UUID>> waiting) {
    return waiting.chain(
        ids ->
            Multi.createFrom()
                .iterable(ids)
                .onItem()
                .transformToUniAndConcatenate(
                    id ->
                        take(id)
                            .onFailure()
                            .recoverWithItem(
                                e -> {
                                  LOG.errorf(e, "Keying intake failed for voucher %s", id);
                                  return null;
                                }))
                .collect()
                .asList()
                .map(List::size));
  }

  /** Takes over the voucher's keying case tasks and queues its fields' keys (once). */
  public Uni<Void> take(UUID voucherId) {
    return intake
        .take(voucherId)
        .chain(
            caseTasks ->
                caseTasks.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : tasks
                        .hasTasks(voucherId)
                        .chain(
                            has ->
                                has
                                    ? Uni.createFrom().voidItem()
                                    : create(voucherId, caseTasks.getFirst()))
                        .chain(() -> vouchers.finishIfDone(voucherId))
                        .replaceWithVoid());
  }

  /**
   * Makes and queues the first keys of the voucher's fields awaiting entry (none if it has keying
   * tasks already); {@code caseTaskId} may be null for keying without a case.
   */
  public Uni<Void> create(UUID voucherId, UUID caseTaskId) {
    return tasks
        .fieldsToKey(voucherId)
        .chain(
            fields ->
                fields.isEmpty()
                    ? Uni.createFrom().voidItem()
                    : priority
                        .of(voucherId)
                        .chain(
                            p -> tasks.insert(factory.firstKeys(voucherId, caseTaskId, fields, p)))
                        .chain(
                            inserted ->
                                dispatch.offer(
                                    inserted.stream().map(KeyingTaskFactory::dispatch).toList()))
                        .replaceWithVoid());
  }
}
