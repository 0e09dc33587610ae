package io.voucherflow.keying.service;

import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import io.voucherflow.dispatch.service.DispatchService;
import io.voucherflow.keying.FieldKeys;
import io.voucherflow.keying.KeyingTask;
import io.voucherflow.keying.Settlement;
import io.voucherflow.keying.repository.KeyingTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Decides fields once their keys are in: a final value (with the losing keys recorded as errors), a
 * second key, or an arbitration; and completes the voucher's keying when its last field is final.
 * Runs after submits are acknowledged, in batches of fields, off the keyers' path.
 */
@ApplicationScoped
public class FieldSettler {

  private static final Logger LOG = Logger.getLogger(FieldSettler.class);
  private static final int BATCH = 200;

  private final KeyingTaskRepository tasks;
  private final KeyingTaskFactory factory;
  private final DispatchService dispatch;
  private final VoucherKeyingCompletion vouchers;
  private final Vertx vertx;
  private final Set<Map.Entry<UUID, String>> waiting = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean scheduled = new AtomicBoolean();

  @Inject
  public FieldSettler(
      KeyingTaskRepository tasks,
      KeyingTaskFactory factory,
      DispatchService dispatch,
      VoucherKeyingCompletion vouchers,
      Vertx vertx) {
    this.tasks = tasks;
    this.factory = factory;
    this.dispatch = dispatch;
    this.vouchers = vouchers;
    this.vertx = vertx;
  }

  /** A key of the field was recorded: settle the field soon. */
  public void keyed(UUID voucherId, String field) {
    waiting.add(Map.entry(voucherId, field));
    if (scheduled.compareAndSet(false, true)) {
      vertx.setTimer(5, id -> drain());
    }
  }

  private void drain() {
    List<Map.Entry<UUID, String>> batch = new ArrayList<>();
    for (var it = waiting.iterator(); it.hasNext() && batch.size() < BATCH; ) {
      batch.add(it.next());
      it.remove();
    }
    // On a worker thread, in a Vert.x context of its own: completing a case task reads the voucher
    // through Hibernate Reactive, which needs one, and waiting for it must not hold an event loop.
    Infrastructure.getDefaultWorkerPool()
        .execute(
            () -> {
              try {
                VertxContextSupport.subscribeAndAwait(() -> settle(batch));
              } catch (Throwable e) {
                LOG.errorf(e, "Settling %d keyed fields failed", batch.size());
              } finally {
                next();
              }
            });
  }

  private void next() {
    scheduled.set(false);
    if (!waiting.isEmpty() && scheduled.compareAndSet(false, true)) {
      vertx.setTimer(1, id -> drain());
    }
  }

  /** Settles the fields now (tests and the drain). */
  public Uni<Void> settle(List<Map.Entry<UUID, String>> fields) {
    if (fields.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return tasks
        .unsettled(fields)
        .chain(
            list ->
                Multi.createFrom()
                    .iterable(list)
                    .onItem()
                    .transformToUniAndConcatenate(this::settle)
                    .collect()
                    .in(LinkedHashSet<UUID>::new, (set, v) -> v.ifPresent(set::add)))
        .chain(
            finished ->
                Multi.createFrom()
                    .iterable(finished)
                    .onItem()
                    .transformToUniAndConcatenate(vouchers::finishIfDone)
                    .collect()
                    .last())
        .replaceWithVoid();
  }

  /** Settles one field; answers its voucher when the field became final. */
  private Uni<java.util.Optional<UUID>> settle(FieldKeys f) {
    Settlement s = Settlement.of(f);
    return switch (s.action()) {
      case WAIT -> Uni.createFrom().item(java.util.Optional.empty());
      case FINAL ->
          tasks
              .settle(f, s)
              .map(
                  applied ->
                      applied ? java.util.Optional.of(f.voucherId()) : java.util.Optional.empty());
      case SECOND_KEY -> queue(factory.secondKey(f));
      case ARBITRATE -> queue(factory.arbitration(f));
    };
  }

  private Uni<java.util.Optional<UUID>> queue(KeyingTask task) {
    return tasks
        .insert(List.of(task))
        .chain(
            inserted -> dispatch.offer(inserted.stream().map(KeyingTaskFactory::dispatch).toList()))
        .replaceWith(java.util.Optional.empty());
  }
}
