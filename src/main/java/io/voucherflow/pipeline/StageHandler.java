package io.voucherflow.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.Sequence;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Runs one stage on one shard of the ring: Disruptor 4 has no worker pool, so a stage with
 * parallelism {@code n} gets {@code n} handlers and handler {@code i} takes the sequences with
 * {@code sequence % n == i}. Every handler still sees every event, which keeps stage order.
 */
final class StageHandler implements EventHandler<VoucherEvent> {

  private static final Logger LOG = Logger.getLogger(StageHandler.class);

  private final PipelineStage stage;
  private final int shard;
  private final int shards;
  private final Timer timer;
  private final StageWaitStrategy waits;
  private final StageWaitStrategy.Gate own;
  private final StageWaitStrategy.Gate next;
  private Sequence progress = new Sequence();

  /**
   * {@code own}: where this handler sleeps until the stage before it moves; {@code next}: where the
   * handlers of the stage after it sleep.
   */
  StageHandler(
      PipelineStage stage,
      int shard,
      int shards,
      StageWaitStrategy waits,
      StageWaitStrategy.Gate own,
      StageWaitStrategy.Gate next,
      MeterRegistry meters) {
    this.waits = waits;
    this.own = own;
    this.next = next;
    this.stage = stage;
    this.shard = shard;
    this.shards = shards;
    this.timer =
        Timer.builder("voucherflow.pipeline.stage")
            .description("Time a voucher spends in one pipeline stage")
            .tag("stage", stage.name())
            .publishPercentileHistogram()
            .register(meters);
  }

  @Override
  public void onStart() {
    waits.waitAt(own);
  }

  @Override
  public void setSequenceCallback(Sequence sequenceCallback) {
    this.progress = sequenceCallback;
  }

  @Override
  public void onEvent(VoucherEvent event, long sequence, boolean endOfBatch) {
    try {
      if (sequence % shards == shard && !event.failed()) {
        process(event);
      }
    } finally {
      // Tell the next stage at once, not at the end of the batch, and wake it if it sleeps.
      progress.set(sequence);
      waits.moved(next);
    }
  }

  private void process(VoucherEvent event) {
    long start = System.nanoTime();
    try {
      stage.process(event);
    } catch (Exception | LinkageError e) {
      LOG.warnf(e, "Voucher %s failed in stage %s", event.voucherId(), stage.name());
      event.fail(stage.name(), e);
    } finally {
      long took = System.nanoTime() - start;
      event.recordStage(stage.name(), took);
      timer.record(took, TimeUnit.NANOSECONDS);
    }
  }
}
