package io.voucherflow.keying.service;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.voucherflow.keying.config.KeyingConfig;
import io.voucherflow.keying.repository.KeyingIntakeRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Finishes what a crash interrupted after a commit: fields whose keys are all in but which were
 * never settled, and vouchers whose fields are all final but whose case tasks were not completed.
 * Settling and completing are idempotent, so running beside the normal path is harmless.
 */
@ApplicationScoped
public class KeyingRecovery {

  private static final Logger LOG = Logger.getLogger(KeyingRecovery.class);
  private static final int BATCH = 200;

  private final KeyingIntakeRepository intake;
  private final FieldSettler settler;
  private final VoucherKeyingCompletion vouchers;
  private final KeyingConfig config;

  @Inject
  public KeyingRecovery(
      KeyingIntakeRepository intake,
      FieldSettler settler,
      VoucherKeyingCompletion vouchers,
      KeyingConfig config) {
    this.intake = intake;
    this.settler = settler;
    this.vouchers = vouchers;
    this.config = config;
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

  /** Settles fields left unsettled, then completes vouchers left unfinished. */
  public Uni<Void> recover() {
    return intake
        .fieldsLeftUnsettled(BATCH)
        .call(
            fields -> {
              if (!fields.isEmpty()) {
                LOG.infof("Settling %d keyed fields left unsettled", fields.size());
              }
              return settler.settle(fields);
            })
        .chain(() -> intake.vouchersLeftUnfinished(BATCH))
        .chain(
            ids ->
                Multi.createFrom()
                    .iterable(ids)
                    .onItem()
                    .transformToUniAndConcatenate(vouchers::finishIfDone)
                    .collect()
                    .last())
        .replaceWithVoid();
  }
}
