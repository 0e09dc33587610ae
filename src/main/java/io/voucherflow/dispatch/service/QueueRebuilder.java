package io.voucherflow.dispatch.service;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.voucherflow.dispatch.DispatchSource;
import io.voucherflow.dispatch.config.DispatchConfig;
import io.voucherflow.dispatch.repository.DispatchRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * Fills the queues from PostgreSQL, the source of truth: at start and whenever the {@code built}
 * marker is missing (Redis emptied), and on an administrator's command. Offering is idempotent, so
 * a rebuild over live queues only adds what is missing.
 */
@ApplicationScoped
public class QueueRebuilder {

  private static final Logger LOG = Logger.getLogger(QueueRebuilder.class);
  private static final int BATCH = 500;

  private final DispatchRepository repository;
  private final Instance<DispatchSource> sources;
  private final DispatchConfig config;
  private final AtomicReference<Uni<Integer>> running = new AtomicReference<>();

  @Inject
  public QueueRebuilder(
      DispatchRepository repository, Instance<DispatchSource> sources, DispatchConfig config) {
    this.repository = repository;
    this.sources = sources;
    this.config = config;
  }

  void onStart(@Observes StartupEvent ignored) {
    if (config.rebuildOnStart()) {
      rebuildIfLost()
          .subscribe()
          .with(
              ok -> {},
              e -> LOG.warnf("Could not rebuild the dispatch queues at start: %s", e.getMessage()));
    }
  }

  /** Rebuilds when Redis has no {@code built} marker (first start, or it was emptied). */
  public Uni<Void> rebuildIfLost() {
    return repository
        .built()
        .chain(built -> built ? Uni.createFrom().voidItem() : rebuild().replaceWithVoid());
  }

  /**
   * Offers every unfinished task again; answers how many were queued. A rebuild already running on
   * this instance is waited for first, then this one runs too, so what the caller saw missing
   * before calling is queued when the answer comes.
   */
  public Uni<Integer> rebuild() {
    return Uni.createFrom()
        .deferred(
            () -> {
              Uni<Integer> other = running.get();
              if (other != null) {
                return other.onFailure().recoverWithItem(0).chain(this::rebuild);
              }
              Uni<Integer> mine =
                  offerAll().eventually(() -> running.set(null)).memoize().indefinitely();
              return running.compareAndSet(null, mine) ? mine : rebuild();
            });
  }

  private Uni<Integer> offerAll() {
    // Marked first: tasks created during the rebuild are offered by their creators anyway.
    return repository
        .markBuilt()
        .chain(
            () ->
                Multi.createFrom()
                    .iterable(sources.stream().toList())
                    .onItem()
                    .transformToMultiAndConcatenate(DispatchSource::unfinished)
                    .group()
                    .intoLists()
                    .of(BATCH)
                    .onItem()
                    .transformToUniAndConcatenate(repository::offer)
                    .collect()
                    .with(java.util.stream.Collectors.summingInt(Integer::intValue)))
        .invoke(n -> LOG.infof("Rebuilt the dispatch queues from PostgreSQL: %d tasks queued", n))
        .onFailure()
        .transform(DispatchService::unavailable);
  }
}
