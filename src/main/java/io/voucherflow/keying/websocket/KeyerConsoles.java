package io.voucherflow.keying.websocket;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import io.voucherflow.dispatch.config.DispatchConfig;
import io.voucherflow.dispatch.service.DispatchWakeUps;
import io.voucherflow.keying.Keyer;
import io.voucherflow.keying.ShownTask;
import io.voucherflow.keying.config.KeyingConfig;
import io.voucherflow.keying.service.KeyingConsole;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The keying consoles connected to this instance: each one's keyer, credit, message budget, the
 * tasks it was sent and the work it keeps ahead. Tops a console up to its credit and pushes the
 * tasks, and on a dispatch wake-up tops up every console of that post that holds fewer tasks than
 * its credit.
 *
 * <p>Work ahead ({@code vf.keying.console.ahead}, while the queue is deep): a console also holds
 * tasks claimed and encoded but not yet sent, and the moment its keyer finishes a task one of them
 * goes out, before the dispatcher, the content store or the database is asked anything; the claim
 * that replaces it runs afterwards. It is given back when the console asks for credit 0, and with
 * everything else the keyer holds when their last console closes.
 */
@ApplicationScoped
public class KeyerConsoles {

  private static final Logger LOG = Logger.getLogger(KeyerConsoles.class);
  // A task held ahead is shown only with this much of its lease left to key it in.
  private static final Duration LEASE_LEFT_TO_SHOW = Duration.ofSeconds(30);

  private final KeyingConsole keying;
  private final DispatchWakeUps wakeUps;
  private final int defaultCredit;
  private final KeyingConfig.Console config;
  private final Vertx vertx;
  private final ObjectWriter taskWriter;
  // Refills of a console after a finished task: sent from the work held ahead, or claimed then.
  private final Counter refillsAhead;
  private final Counter refillsClaimed;
  private final Map<String, Console> open = new ConcurrentHashMap<>();
  // Keyer id -> how many of their consoles are open here: a close asks whether it was the last,
  // which a scan of every open console answered in time growing with the instance's consoles.
  private final Map<Long, Integer> consolesOf = new ConcurrentHashMap<>();
  // Keyer id -> the timer that releases their tasks once the grace after their last close is over.
  private final Map<Long, Long> releases = new ConcurrentHashMap<>();

  @Inject
  public KeyerConsoles(
      KeyingConsole keying,
      DispatchWakeUps wakeUps,
      DispatchConfig dispatch,
      KeyingConfig config,
      Vertx vertx,
      ObjectMapper json,
      MeterRegistry meters) {
    this.keying = keying;
    this.refillsAhead = refills(meters, "ahead");
    this.refillsClaimed = refills(meters, "claimed");
    // Written as the interface so the message carries its type, as the socket's own codec does.
    this.taskWriter = json.writerFor(ServerMessage.class);
    this.vertx = vertx;
    this.wakeUps = wakeUps;
    this.defaultCredit = dispatch.credit();
    this.config = config.console();
  }

  /** One connected console. */
  record Console(
      WebSocketConnection connection,
      Keyer keyer,
      AtomicInteger credit,
      MessageBudget budget,
      Set<UUID> shown,
      Queue<Ahead> ahead) {

    boolean wantsMore() {
      return shown.size() < credit.get();
    }
  }

  /** A task claimed for a console and encoded, not yet sent. */
  record Ahead(UUID taskId, Instant leaseUntil, String frame) {}

  void onStart(@Observes StartupEvent ignored) {
    wakeUps.posts().subscribe().with(this::wakeUp, e -> LOG.warnf("Wake-ups ended: %s", e));
  }

  /**
   * Registers a console that just connected, with the credit it asked for in its URL (null: the
   * configured one). It must be known before the first top-up: a {@code ready} sent after the
   * upgrade arrives after the tasks pushed on connect, so a console that wants to start idle could
   * not.
   */
  Console open(WebSocketConnection connection, Keyer keyer, Integer credit) {
    Console c =
        new Console(
            connection,
            keyer,
            new AtomicInteger(bounded(credit)),
            new MessageBudget(config.messagesPerSecond(), config.messageBurst(), System.nanoTime()),
            ConcurrentHashMap.newKeySet(),
            new ConcurrentLinkedQueue<>());
    if (open.put(connection.id(), c) == null) {
      consolesOf.merge(keyer.id(), 1, Integer::sum);
    }
    Long pending = releases.remove(keyer.id());
    if (pending != null) {
      vertx.cancelTimer(pending);
    }
    return c;
  }

  Console of(WebSocketConnection connection) {
    return open.get(connection.id());
  }

  /**
   * Forgets a closed console. When it was its keyer's last one here, their tasks go back to their
   * queues after the release grace unless the keyer connects again before.
   */
  void close(WebSocketConnection connection) {
    Console gone = open.remove(connection.id());
    if (gone == null) {
      return;
    }
    consolesOf.computeIfPresent(gone.keyer().id(), (k, n) -> n > 1 ? n - 1 : null);
    if (connectedHere(gone.keyer().id())) {
      return;
    }
    long keyer = gone.keyer().id();
    long timer =
        vertx.setTimer(
            Math.max(1, config.releaseGrace().toMillis()),
            id -> {
              if (releases.remove(keyer, id) && !connectedHere(keyer)) {
                keying
                    .release(gone.keyer())
                    .subscribe()
                    .with(
                        n -> LOG.debugf("Released %d task(s) of %s", n, gone.keyer().username()),
                        e -> LOG.warnf("Release of %s failed: %s", gone.keyer().username(), e));
              }
            });
    Long before = releases.put(keyer, timer);
    if (before != null) {
      vertx.cancelTimer(before);
    }
  }

  private boolean connectedHere(long keyer) {
    return consolesOf.containsKey(keyer);
  }

  /**
   * Sets the credit, bounded by {@code vf.keying.console.max-credit}; credit 0 also gives back the
   * work held ahead.
   */
  Uni<Void> credit(Console c, Integer credit) {
    int bounded = bounded(credit);
    c.credit().set(bounded);
    if (bounded > 0) {
      return Uni.createFrom().voidItem();
    }
    List<Uni<Void>> back = new ArrayList<>();
    for (Ahead a = c.ahead().poll(); a != null; a = c.ahead().poll()) {
      back.add(keying.giveBack(c.keyer(), a.taskId()));
    }
    return back.isEmpty()
        ? Uni.createFrom().voidItem()
        : Uni.join().all(back).andCollectFailures().replaceWithVoid();
  }

  private int bounded(Integer credit) {
    int wanted = credit == null ? defaultCredit : credit;
    // 0 stops the top-ups, so a console can hand everything back before signing out.
    return Math.max(0, Math.min(config.maxCredit(), wanted));
  }

  /** Sends the tasks the keyer already holds (a reconnect), then tops up. */
  Uni<Void> resume(Console c) {
    return keying.held(c.keyer()).chain(held -> send(c, held)).chain(() -> topUp(c));
  }

  /**
   * Claims until the console holds its credit (and its work ahead, while the queue is deep), and
   * sends what it may show.
   */
  Uni<Void> topUp(Console c) {
    int credit = c.credit().get();
    int ahead = credit > 0 ? config.ahead() : 0;
    if (c.connection().isClosed() || (c.shown().size() >= credit && c.ahead().size() >= ahead)) {
      return Uni.createFrom().voidItem();
    }
    return keying
        .topUp(c.keyer(), credit, ahead, config.aheadWhenQueued())
        .chain(tasks -> send(c, tasks));
  }

  /** The task left the keyer's hands (keyed, skipped, or no longer theirs). */
  void done(Console c, UUID taskId) {
    c.shown().remove(taskId);
  }

  /**
   * The keyer finished a task on this console (a key, skip or unreadable sent, not yet recorded):
   * it leaves the screen and, if work is held ahead, the next task goes out now. Answers whether
   * the task was on this console.
   */
  boolean finishing(Console c, UUID taskId) {
    if (!c.shown().remove(taskId)) {
      return false;
    }
    Instant soon = Instant.now().plus(LEASE_LEFT_TO_SHOW);
    for (Ahead a = c.ahead().poll(); a != null; a = c.ahead().poll()) {
      if (a.leaseUntil() != null && a.leaseUntil().isBefore(soon)) {
        // Held ahead so long its lease is nearly over: back to the queue, not onto the screen.
        UUID stale = a.taskId();
        keying
            .giveBack(c.keyer(), stale)
            .subscribe()
            .with(ok -> {}, e -> LOG.debugf("Give-back of %s failed: %s", stale, e));
        continue;
      }
      c.shown().add(a.taskId());
      refillsAhead.increment();
      c.connection()
          .sendText(a.frame())
          .subscribe()
          .with(ok -> {}, e -> LOG.debugf("Push to %s failed: %s", c.keyer().username(), e));
      return true;
    }
    // Nothing ahead: the refill waits for the claim after the dispatcher has the task back.
    refillsClaimed.increment();
    return true;
  }

  private static Counter refills(MeterRegistry meters, String source) {
    return Counter.builder("voucherflow.keying.refills")
        .description(
            "Tasks sent to a console after its keyer finished one, by where they came from")
        .tag("source", source)
        .register(meters);
  }

  /** A finish was refused but the keyer still holds the task: it stays on their screen. */
  void stillShown(Console c, UUID taskId) {
    c.shown().add(taskId);
  }

  private Uni<Void> send(Console c, List<ShownTask> tasks) {
    List<String> frames = new ArrayList<>(tasks.size());
    for (ShownTask t : tasks) {
      String frame = frame(t);
      if (c.shown().size() < c.credit().get()) {
        c.shown().add(t.assignment().taskId());
        frames.add(frame);
      } else {
        c.ahead().add(new Ahead(t.assignment().taskId(), t.assignment().leaseUntil(), frame));
      }
    }
    return Multi.createFrom()
        .iterable(frames)
        .onItem()
        .transformToUniAndConcatenate(f -> c.connection().sendText(f))
        .collect()
        .last()
        .replaceWithVoid();
  }

  private String frame(ShownTask t) {
    try {
      return taskWriter.writeValueAsString(ServerMessage.Task.of(t));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A task message could not be encoded", e);
    }
  }

  private void wakeUp(String post) {
    open.values().stream()
        .filter(c -> c.keyer().post().equals(post) && c.wantsMore())
        .forEach(
            c ->
                topUp(c)
                    .subscribe()
                    .with(
                        ok -> {},
                        e -> LOG.debugf("Top-up of %s failed: %s", c.keyer().username(), e)));
  }
}
