package io.voucherflow.pipeline;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.EventHandlerGroup;
import com.lmax.disruptor.dsl.ProducerType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The ring buffer and its stages, in order; each group may be sharded over several handlers.
 * Publishing never blocks: {@link #offer} answers false when the ring is full so capture can answer
 * 503 instead of queueing without bound.
 */
public final class Pipeline implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(Pipeline.class);

  private final Disruptor<VoucherEvent> disruptor;
  private final RingBuffer<VoucherEvent> ring;

  /** One group of the topology: a stage and how many handlers share it. */
  public record StageGroup(PipelineStage stage, int parallelism) {}

  @SuppressWarnings("unchecked")
  public Pipeline(
      int ringSize,
      List<StageGroup> groups,
      BatchingStage last,
      int maxBatch,
      MeterRegistry meters) {
    StageWaitStrategy waits = new StageWaitStrategy();
    this.disruptor =
        new Disruptor<>(VoucherEvent::new, ringSize, threads(), ProducerType.MULTI, waits);
    disruptor.setDefaultExceptionHandler(new LoggingExceptionHandler());
    EventHandlerGroup<VoucherEvent> chain = null;
    for (int g = 0; g < groups.size(); g++) {
      StageGroup group = groups.get(g);
      EventHandler<VoucherEvent>[] handlers = new EventHandler[group.parallelism()];
      for (int i = 0; i < handlers.length; i++) {
        handlers[i] =
            new StageHandler(
                group.stage(), i, handlers.length, waits, waits.gate(g), waits.gate(g + 1), meters);
      }
      chain = chain == null ? disruptor.handleEventsWith(handlers) : chain.then(handlers);
    }
    BatchHandler batch = new BatchHandler(last, maxBatch, waits, waits.gate(groups.size()), meters);
    if (chain == null) {
      disruptor.handleEventsWith(batch);
    } else {
      chain.then(batch);
    }
    this.ring = disruptor.start();
    Gauge.builder(
            "voucherflow.pipeline.queue.depth",
            ring,
            r -> r.getBufferSize() - r.remainingCapacity())
        .description("Vouchers in the ring buffer, accepted but not yet handed over")
        .register(meters);
  }

  /** Puts the voucher into the ring; false when the ring is full (the caller retries later). */
  public boolean offer(VoucherWork work) {
    return ring.tryPublishEvent((event, sequence, w) -> event.reset(w, System.nanoTime()), work);
  }

  /** Whether the ring has a free slot right now (a hint: another producer may take it first). */
  public boolean hasRoom() {
    return ring.remainingCapacity() > 0;
  }

  public long inFlight() {
    return ring.getBufferSize() - ring.remainingCapacity();
  }

  /** Lets the vouchers in the ring finish, then stops the handler threads. */
  @Override
  public void close() {
    try {
      disruptor.shutdown(30, TimeUnit.SECONDS);
    } catch (com.lmax.disruptor.TimeoutException e) {
      LOG.warn(
          "Pipeline did not drain within 30 s; unfinished vouchers re-enter at the next start");
      disruptor.halt();
    }
  }

  private static ThreadFactory threads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "voucher-pipeline-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /**
   * Stage failures are caught per event by the handlers; anything reaching here is a bug worth
   * logging.
   */
  private static final class LoggingExceptionHandler implements ExceptionHandler<VoucherEvent> {
    @Override
    public void handleEventException(Throwable ex, long sequence, VoucherEvent event) {
      LOG.errorf(
          ex,
          "Pipeline handler failed on sequence %d (voucher %s)",
          sequence,
          event == null ? null : event.voucherId());
    }

    @Override
    public void handleOnStartException(Throwable ex) {
      LOG.error("Pipeline handler failed to start", ex);
    }

    @Override
    public void handleOnShutdownException(Throwable ex) {
      LOG.error("Pipeline handler failed to stop", ex);
    }
  }
}
