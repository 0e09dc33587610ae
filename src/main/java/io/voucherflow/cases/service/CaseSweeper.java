package io.voucherflow.cases.service;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.voucherflow.cases.config.CasesConfig;
import io.voucherflow.cases.repository.CaseRepository;
import io.voucherflow.cases.repository.OutboxRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Keeps cases moving without anyone watching: starts cases for vouchers the pipeline handed over,
 * resumes cases with pending automatic work (after a crash, at start-up, or a failed step),
 * escalates tasks past their time limit and runs the outbox. Everything it finds is in PostgreSQL,
 * so a restart loses nothing.
 *
 * <p>Different cases are worked at once, up to {@code vf.cases.sweep-concurrency}: each case is
 * still one version-guarded transaction per step, so cases never interfere, and each runs on a
 * Vert.x context of its own, so their reactive sessions never mix.
 */
@ApplicationScoped
public class CaseSweeper {

  private static final Logger LOG = Logger.getLogger(CaseSweeper.class);

  /** Most batches of starts or deliveries in one sweep. */
  static final int ROUNDS = 20;

  private final CaseRepository cases;
  private final OutboxRepository outbox;
  private final CaseEngine engine;
  private final TaskEscalations escalations;
  private final CasesConfig config;
  private final Vertx vertx;

  @Inject
  public CaseSweeper(
      CaseRepository cases,
      OutboxRepository outbox,
      CaseEngine engine,
      TaskEscalations escalations,
      CasesConfig config,
      Vertx vertx) {
    this.cases = cases;
    this.outbox = outbox;
    this.engine = engine;
    this.escalations = escalations;
    this.config = config;
    this.vertx = vertx;
  }

  @Scheduled(
      every = "${vf.cases.sweep-every:2s}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return config.sweepEnabled() ? sweep() : Uni.createFrom().voidItem();
  }

  /**
   * One sweep: start, rebind, resume, escalate, then deliver the outbox. Starts and deliveries go
   * on batch after batch while batches come back full (up to {@value #ROUNDS}), so a peak drains in
   * one run rather than one batch per interval.
   */
  public Uni<Void> sweep() {
    int batch = config.sweepBatch();
    return drain(
            () ->
                each(
                    cases.vouchersWithoutCase(batch),
                    v -> engine.start(v).replaceWithVoid(),
                    "start"),
            batch,
            ROUNDS)
        .chain(() -> each(cases.casesWithoutProcess(batch), engine::retryBinding, "bind"))
        .chain(() -> each(cases.casesWithPendingWork(batch), engine::advance, "resume"))
        .chain(() -> each(cases.overdueTasks(batch), escalations::escalate, "escalate"))
        .chain(() -> drain(() -> outbox.deliverPending(batch), batch, ROUNDS))
        .replaceWithVoid();
  }

  private static Uni<Integer> drain(Supplier<Uni<Integer>> round, int batch, int rounds) {
    return round
        .get()
        .chain(
            done ->
                done >= batch && rounds > 1
                    ? drain(round, batch, rounds - 1)
                    : Uni.createFrom().item(done));
  }

  /**
   * Runs the work for every id, up to {@code vf.cases.sweep-concurrency} ids at once; one failing
   * case does not stop the others. Answers how many ids there were.
   */
  private Uni<Integer> each(Uni<List<UUID>> ids, Function<UUID, Uni<Void>> work, String what) {
    return ids.onItem()
        .transformToMulti(list -> Multi.createFrom().iterable(list))
        .onItem()
        .transformToUni(
            id ->
                onOwnContext(() -> work.apply(id))
                    .replaceWith(id)
                    .onFailure()
                    .recoverWithItem(
                        e -> {
                          LOG.errorf(e, "Case sweep (%s) failed for %s", what, id);
                          return id;
                        }))
        .merge(Math.max(1, config.sweepConcurrency()))
        .collect()
        .asList()
        .map(List::size);
  }

  /**
   * Subscribes the work on a new safe duplicated context: the facts' Hibernate Reactive session
   * lives in the context, and two cases sharing one would close it under each other.
   */
  private <T> Uni<T> onOwnContext(Supplier<Uni<T>> work) {
    return Uni.createFrom()
        .emitter(
            emitter -> {
              Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
              VertxContextSafetyToggle.setContextSafe(context, true);
              context.runOnContext(
                  ignored -> work.get().subscribe().with(emitter::complete, emitter::fail));
            });
  }
}
