package io.voucherflow.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Blocks a handler until the stage before it has moved on, not only until the producer has.
 * Disruptor's own {@code BlockingWaitStrategy} blocks on the ring's cursor but busy-spins on the
 * handlers it depends on: with six stages on two cores, the idle downstream handlers spun away most
 * of the CPU the busy ones needed. Here every {@link StageHandler} reports its progress ({@link
 * #signalAllWhenBlocking} after moving its sequence), so waiting is always a sleep.
 */
final class StageWaitStrategy implements WaitStrategy {

  // A safety net only: every move is signalled, so this only bounds the cost of a wake-up lost to
  // a bug; short enough not to stall, long enough that idle handlers cost nothing.
  private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

  private final ReentrantLock lock = new ReentrantLock();
  private final Condition moved = lock.newCondition();
  private final AtomicInteger waiting = new AtomicInteger();

  @Override
  public long waitFor(
      long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
      throws AlertException, InterruptedException {
    long available = dependentSequence.get();
    if (available >= sequence) {
      return available;
    }
    // Announce the wait before looking again: a signaller that moved its sequence first is then
    // seen, and one that moves it later sees a waiter and takes the lock to wake it.
    waiting.incrementAndGet();
    lock.lock();
    try {
      while ((available = dependentSequence.get()) < sequence) {
        barrier.checkAlert();
        moved.awaitNanos(MAX_PARK_NANOS);
      }
    } finally {
      lock.unlock();
      waiting.decrementAndGet();
    }
    return available;
  }

  @Override
  public void signalAllWhenBlocking() {
    if (waiting.get() > 0) {
      lock.lock();
      try {
        moved.signalAll();
      } finally {
        lock.unlock();
      }
    }
  }
}
