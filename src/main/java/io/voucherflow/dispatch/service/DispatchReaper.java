package io.voucherflow.dispatch.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.voucherflow.dispatch.config.DispatchConfig;
import io.voucherflow.dispatch.repository.DispatchRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Returns expired leases to their queues and notices when Redis lost the queues. Every instance
 * runs it: the release script is atomic, so two reapers never return one task twice.
 */
@ApplicationScoped
public class DispatchReaper {

  private static final Logger LOG = Logger.getLogger(DispatchReaper.class);

  private final DispatchRepository repository;
  private final QueueRebuilder rebuilder;
  private final DispatchConfig config;

  @Inject
  public DispatchReaper(
      DispatchRepository repository, QueueRebuilder rebuilder, DispatchConfig config) {
    this.repository = repository;
    this.rebuilder = rebuilder;
    this.config = config;
  }

  @Scheduled(
      every = "${vf.dispatch.reap-every:1s}",
      delayed = "2s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return reap()
        .replaceWithVoid()
        .chain(rebuilder::rebuildIfLost)
        .onFailure()
        .recoverWithItem(
            e -> {
              LOG.warnf("Dispatch reaper could not run: %s", e.getMessage());
              return null;
            });
  }

  /** Returns expired leases to their queues; answers how many. */
  public Uni<Integer> reap() {
    return repository
        .reap(config.reapBatch())
        .invoke(
            n -> {
              if (n > 0) {
                LOG.debugf("Returned %d expired leases to their queues", n);
              }
            });
  }
}
