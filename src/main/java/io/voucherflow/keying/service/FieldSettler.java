package io.voucherflow.keying.service;

import io.quarkus.vertx.VertxContextSupport;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
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
  // Most drains at once (each a batch on a worker thread of its own).
  private static final int DRAINS = 4;

  private final KeyingTaskRepository tasks;
  private final KeyingTaskFactory factory;
  private final DispatchService dispatch;
  private final VoucherKeyingCompletion vouchers;
  private final Vertx vertx;
  private final Set<Map.Entry<UUID, String>> waiting = ConcurrentHashMap.newKeySet();
  private final AtomicInteger draining = new AtomicInteger();

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
    startDrain(1, 5);
  }

  /**
   * Starts a drain if fewer than {@code limit} run. One runs while the fields come in; more, up to
   * {@link #DRAINS}, while more than a batch waits: a batch completes its vouchers one after
   * another through the case engine, and one drain at a time fell behind 1,000 keys a second.
   */
  private void startDrain(int limit, long delayMillis) {
    for (int n = draining.get(); n < limit; n = draining.get()) {
      if (draining.compareAndSet(n, n + 1)) {
        vertx.setTimer(delayMillis, id -> drain());
        return;
      }
    }
  }

  private void drain() {
    List<Map.Entry<UUID, String>> batch = new ArrayList<>();
    for (var it = waiting.iterator(); it.hasNext() && batch.size() < BATCH; ) {
      Map.Entry<UUID, String> field = it.next();
      // Claimed by the drain whose remove succeeds: drains run side by side.
      if (waiting.remove(field)) {
        batch.add(field);
      }
    }
    if (waiting.size() >= BATCH) {
      startDrain(DRAINS, 1);
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
                draining.decrementAndGet();
                if (!waiting.isEmpty()) {
                  startDrain(waiting.size() >= BATCH ? DRAINS : 1, 1);
                }
              }
            });
  }

  /**
   * Settles the fields now (tests and the drain): second keys and arbitrations are queued together,
   * final values recorded together, and the vouchers of those checked together for completion, so a
   * batch costs PostgreSQL a handful of statements, not a few per field.
   */
  public Uni<Void> settle(List<Map.Entry<UUID, String>> fields) {
    if (fields.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return tasks
        .unsettled(fields)
        .chain(
            list -> {
              List<KeyingTaskRepository.Decided> decided = new ArrayList<>();
              List<KeyingTask> more = new ArrayList<>();
              for (FieldKeys f : list) {
                Settlement s = Settlement.of(f);
                switch (s.action()) {
                  case WAIT -> {}
                  case FINAL -> decided.add(new KeyingTaskRepository.Decided(f, s));
                  case SECOND_KEY -> more.add(factory.secondKey(f));
                  case ARBITRATE -> more.add(factory.arbitration(f));
                }
              }
              return queue(more).chain(() -> tasks.settle(decided));
            })
        .chain(vouchers::finishIfDone)
        .replaceWithVoid();
  }

  private Uni<Void> queue(List<KeyingTask> more) {
    if (more.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return tasks
        .insert(more)
        .chain(
            inserted -> dispatch.offer(inserted.stream().map(KeyingTaskFactory::dispatch).toList()))
        .replaceWithVoid();
  }
}
