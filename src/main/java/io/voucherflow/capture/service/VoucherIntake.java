package io.voucherflow.capture.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.voucherflow.capture.Voucher;
import io.voucherflow.capture.repository.VoucherRepository;
import io.voucherflow.pipeline.Pipeline;
import io.voucherflow.pipeline.PipelineTopology;
import io.voucherflow.pipeline.VoucherWork;
import io.voucherflow.pipeline.config.PipelineConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Feeds accepted vouchers into the pipeline and makes sure none is forgotten: at start-up and then
 * every few seconds it offers again every voucher still ACCEPTED that is not already in the ring
 * (after a crash, or when the ring was full at capture time).
 */
@ApplicationScoped
public class VoucherIntake {

  private static final Logger LOG = Logger.getLogger(VoucherIntake.class);
  private static final int SWEEP_BATCH = 500;
  private static final long SWEEP_GRACE_SECONDS = 10;

  private final PipelineTopology topology;
  private final io.voucherflow.pipeline.TemplateCatalog catalog;
  private final VoucherResultWriter writer;
  private final VoucherRepository vouchers;
  private final PipelineConfig config;
  private final MeterRegistry meters;
  private final Set<UUID> inFlight = ConcurrentHashMap.newKeySet();
  private volatile Pipeline pipeline;

  @Inject
  public VoucherIntake(
      io.voucherflow.pipeline.TemplateCatalog catalog,
      PipelineTopology topology,
      VoucherResultWriter writer,
      VoucherRepository vouchers,
      PipelineConfig config,
      MeterRegistry meters) {
    this.topology = topology;
    this.catalog = catalog;
    this.writer = writer;
    this.vouchers = vouchers;
    this.config = config;
    this.meters = meters;
  }

  void start(@Observes @jakarta.annotation.Priority(4000) StartupEvent event) {
    // Prepared before the first voucher arrives: the pipeline then never waits for the database.
    catalog.layoutCandidates();
    pipeline =
        new Pipeline(
            config.ringSize(),
            topology.stages(),
            batch -> {
              try {
                writer.flush(batch);
              } finally {
                batch.forEach(e -> inFlight.remove(e.voucherId()));
              }
            },
            config.persistBatch(),
            meters);
  }

  void stop(@Observes ShutdownEvent event) {
    if (pipeline != null) {
      pipeline.close();
    }
  }

  public boolean hasRoom() {
    return pipeline != null && pipeline.hasRoom();
  }

  public int retryAfterSeconds() {
    return config.retryAfterSeconds();
  }

  /**
   * Offers the voucher unless it is already in the ring; false when the ring is full (the sweep
   * retries).
   */
  public boolean submit(VoucherWork work) {
    if (pipeline == null || !inFlight.add(work.id())) {
      return false;
    }
    if (pipeline.offer(work)) {
      return true;
    }
    inFlight.remove(work.id());
    return false;
  }

  /** Re-offers vouchers left ACCEPTED: at start-up they are those a crash interrupted. */
  @Scheduled(
      every = "${vf.pipeline.sweep-every:5s}",
      delayed = "1s",
      concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  Uni<Void> sweep() {
    if (pipeline == null) {
      return Uni.createFrom().voidItem();
    }
    // A grace period keeps the sweep off vouchers that capture is offering right now.
    Instant before = Instant.now().minusSeconds(SWEEP_GRACE_SECONDS);
    return Panache.withSession(() -> vouchers.unfinished(before, SWEEP_BATCH))
        .invoke(this::offerAll)
        .replaceWithVoid();
  }

  private void offerAll(List<Voucher> unfinished) {
    int offered = 0;
    for (Voucher v : unfinished) {
      if (!inFlight.contains(v.id)
          && submit(new VoucherWork(v.id, v.originalSha256, v.originalFormat, v.backSha256))) {
        offered++;
      }
    }
    if (offered > 0) {
      LOG.infof("Re-offered %d accepted voucher(s) to the pipeline", offered);
    }
  }
}
