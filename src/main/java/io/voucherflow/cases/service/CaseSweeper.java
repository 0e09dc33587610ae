package io.voucherflow.cases.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
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
 * resumes cases with pending automatic work (after a crash, at start-up, or a failed step) and runs
 * the outbox. Everything it finds is in PostgreSQL, so a restart loses nothing.
 */
@ApplicationScoped
public class CaseSweeper {

  private static final Logger LOG = Logger.getLogger(CaseSweeper.class);

  /** Most batches of starts or deliveries in one sweep. */
  static final int ROUNDS = 20;

  private final CaseRepository cases;
  private final OutboxRepository outbox;
  private final CaseEngine engine;
  private final CasesConfig config;

  @Inject
  public CaseSweeper(
      CaseRepository cases, OutboxRepository outbox, CaseEngine engine, CasesConfig config) {
    this.cases = cases;
    this.outbox = outbox;
    this.engine = engine;
    this.config = config;
  }

  @Scheduled(
      every = "${vf.cases.sweep-every:2s}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return config.sweepEnabled() ? sweep() : Uni.createFrom().voidItem();
  }

  /**
   * One sweep: start, rebind, resume, then deliver the outbox. Starts and deliveries go on batch
   * after batch while batches come back full (up to {@value #ROUNDS}), so a peak drains in one run
   * rather than one batch per interval.
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
   * Runs the work for every id one after another; one failing case does not stop the others.
   * Answers how many ids there were.
   */
  private static Uni<Integer> each(
      Uni<List<UUID>> ids, Function<UUID, Uni<Void>> work, String what) {
    return ids.onItem()
        .transformToMulti(list -> Multi.createFrom().iterable(list))
        .onItem()
        .transformToUniAndConcatenate(
            id ->
                work.apply(id)
                    .replaceWith(id)
                    .onFailure()
                    .recoverWithItem(
                        e -> {
                          LOG.errorf(e, "Case sweep (%s) failed for %s", what, id);
                          return id;
                        }))
        .collect()
        .asList()
        .map(List::size);
  }
}
