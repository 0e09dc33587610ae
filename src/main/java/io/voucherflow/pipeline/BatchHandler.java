package io.voucherflow.pipeline;

import com.lmax.disruptor.EventHandler;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Collects events until the end of what the ring delivered at once (or a size cap) and flushes them
 * together.
 */
final class BatchHandler implements EventHandler<VoucherEvent> {

  private static final Logger LOG = Logger.getLogger(BatchHandler.class);

  private final BatchingStage stage;
  private final int maxBatch;
  private final List<VoucherEvent> pending;

  private final Timer latency;
  private final StageWaitStrategy waits;
  private final StageWaitStrategy.Gate own;

  /** {@code own}: where this handler sleeps until the last stage moves. */
  BatchHandler(
      BatchingStage stage,
      int maxBatch,
      StageWaitStrategy waits,
      StageWaitStrategy.Gate own,
      MeterRegistry meters) {
    this.waits = waits;
    this.own = own;
    this.stage = stage;
    this.maxBatch = maxBatch;
    this.pending = new ArrayList<>(maxBatch);
    this.latency =
        Timer.builder("voucherflow.pipeline.latency")
            .description(
                "From a voucher's entry into the ring (right after its 202) to its hand-over")
            .publishPercentiles(0.5, 0.95, 0.99)
            .publishPercentileHistogram()
            .register(meters);
  }

  @Override
  public void onStart() {
    waits.waitAt(own);
  }

  @Override
  public void onEvent(VoucherEvent event, long sequence, boolean endOfBatch) {
    pending.add(event);
    if (endOfBatch || pending.size() >= maxBatch) {
      try {
        stage.flush(pending);
        long now = System.nanoTime();
        pending.forEach(e -> latency.record(now - e.publishedNanos(), TimeUnit.NANOSECONDS));
      } catch (Exception e) {
        // The vouchers stay ACCEPTED in the database and re-enter the pipeline at the next start.
        LOG.errorf(
            e,
            "Could not hand over %d voucher(s); they will be retried on restart",
            pending.size());
      } finally {
        pending.forEach(VoucherEvent::release);
        pending.clear();
      }
    }
  }
}
