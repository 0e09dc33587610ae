package io.voucherflow.keying.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.voucherflow.keying.config.KeyingConfig;
import io.voucherflow.keying.repository.KeyingIntakeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Finishes what a crash interrupted after a commit: fields whose keys are all in but which were
 * never settled, and vouchers whose fields are all final but whose case tasks were not completed.
 * Settling and completing are idempotent, so running beside the normal path is harmless.
 */
@ApplicationScoped
public class KeyingRecovery {

  private static final Logger LOG = Logger.getLogger(KeyingRecovery.class);
  // Vouchers per page, and the pause between pages.
  private static final int PAGE = 100;
  private static final long PAUSE_MILLIS = 100;

  private final KeyingIntakeRepository intake;
  private final FieldSettler settler;
  private final VoucherKeyingCompletion vouchers;
  private final KeyingConfig config;
  private final Vertx vertx;

  @Inject
  public KeyingRecovery(
      KeyingIntakeRepository intake,
      FieldSettler settler,
      VoucherKeyingCompletion vouchers,
      KeyingConfig config,
      Vertx vertx) {
    this.intake = intake;
    this.settler = settler;
    this.vouchers = vouchers;
    this.config = config;
    this.vertx = vertx;
  }

  @Scheduled(
      every = "${vf.keying.recover-every:5m}",
      delayed = "10s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> scheduled() {
    return config.intakeEnabled()
        ? recover()
            .onFailure()
            .recoverWithItem(
                e -> {
                  LOG.warnf("Keying recovery could not run: %s", e.getMessage());
                  return null;
                })
        : Uni.createFrom().voidItem();
  }

  /**
   * Settles fields left unsettled, then completes vouchers left unfinished, among every voucher
   * keying works on, a page at a time with a pause between pages: one look at the whole backlog
   * took a core for a second (80,000 vouchers in keying) while keyers waited for their next slice.
   */
  public Uni<Void> recover() {
    return recover(PAGE);
  }

  /** As {@link #recover()}, {@code pageSize} vouchers a page. */
  Uni<Void> recover(int pageSize) {
    return recoverAfter(null, pageSize);
  }

  private Uni<Void> recoverAfter(UUID after, int pageSize) {
    return intake
        .vouchersInKeying(after, pageSize)
        .chain(
            page -> {
              if (page.isEmpty()) {
                return Uni.createFrom().voidItem();
              }
              Uni<Void> done = recover(page);
              return page.size() < pageSize
                  ? done
                  : done.chain(this::pause).chain(() -> recoverAfter(page.getLast(), pageSize));
            });
  }

  private Uni<Void> recover(List<UUID> page) {
    return intake
        .fieldsLeftUnsettled(page)
        .call(
            fields -> {
              if (!fields.isEmpty()) {
                LOG.infof("Settling %d keyed fields left unsettled", fields.size());
              }
              return settler.settle(fields);
            })
        .chain(() -> intake.vouchersLeftUnfinished(page))
        .chain(ids -> vouchers.finishIfDone(Set.copyOf(ids)))
        .replaceWithVoid();
  }

  /** A timer on this context: the next page's case work needs the Vert.x context it runs on. */
  private Uni<Void> pause() {
    return Uni.createFrom().emitter(e -> vertx.setTimer(PAUSE_MILLIS, id -> e.complete(null)));
  }
}
