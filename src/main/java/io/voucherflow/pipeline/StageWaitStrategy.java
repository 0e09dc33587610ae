package io.voucherflow.pipeline;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.WaitStrategy;
import java.lang.invoke.VarHandle;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Blocks a handler until the stage before it has moved on, not only until the producer has.
 * Disruptor's own {@code BlockingWaitStrategy} blocks on the ring's cursor but busy-spins on the
 * handlers it depends on: with six stages on two cores, the idle downstream handlers spun away most
 * of the CPU the busy ones needed. Here waiting is always a sleep.
 *
 * <p>Each stage group sleeps at a {@link Gate} of its own, and a move wakes only the group that
 * waits for it: the producer's publish wakes the first stage, a stage handler's move wakes the
 * stage after it. One shared condition woke every sleeping handler of the pipeline on every move
 * (about a hundred wake-ups per voucher, nearly all of them in vain), which cost the image stages a
 * tenth of their CPU in context switches.
 */
final class StageWaitStrategy implements WaitStrategy {

  // A safety net only: every move is signalled, so this only bounds the cost of a wake-up lost to
  // a bug. At 10 ms the dozen idle handlers woke 1,300 times a second between batches of capture,
  // 2 % of a core taken from the keyers' event loops on a two-core machine; at 200 ms it is 60.
  private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

  /** The gate of the handler running on this thread; set when the handler starts. */
  private final ThreadLocal<Gate> own = new ThreadLocal<>();

  // Threads without a gate of their own (none in the pipeline) wait here and wake on every move.
  private final Gate shared = new Gate();
  private final List<Gate> gates = new ArrayList<>();

  /**
   * The gate where the handlers of stage group {@code index} sleep (0 is the first stage, which
   * waits for the producer). Gates are made before the ring starts.
   */
  Gate gate(int index) {
    while (gates.size() <= index) {
      gates.add(new Gate());
    }
    return gates.get(index);
  }

  /** Makes the calling (handler) thread wait at {@code gate} from now on. */
  void waitAt(Gate gate) {
    own.set(gate);
  }

  @Override
  public long waitFor(
      long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
      throws AlertException, InterruptedException {
    long available = dependentSequence.get();
    if (available >= sequence) {
      return available;
    }
    Gate gate = own.get();
    return (gate == null ? shared : gate).await(sequence, dependentSequence, barrier);
  }

  /** The producer published: the first stage may go on. */
  @Override
  public void signalAllWhenBlocking() {
    if (!gates.isEmpty()) {
      gates.get(0).open();
    }
    shared.open();
  }

  /** A handler moved its sequence: wakes the handlers sleeping at {@code next}. */
  void moved(Gate next) {
    next.open();
    shared.open();
  }

  /** Where one stage group's handlers sleep until the sequence they depend on moves. */
  static final class Gate {
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition moved = lock.newCondition();
    private final AtomicInteger waiting = new AtomicInteger();

    long await(long sequence, Sequence dependentSequence, SequenceBarrier barrier)
        throws AlertException, InterruptedException {
      long available;
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

    void open() {
      // The move was a release store; without a full fence it could pass this read of waiting,
      // and a waiter that looked before the move would sleep out its safety timeout.
      VarHandle.fullFence();
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
}
