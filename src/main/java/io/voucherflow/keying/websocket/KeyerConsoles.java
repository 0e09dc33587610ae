package io.voucherflow.keying.websocket;

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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The keying consoles connected to this instance: each one's keyer, credit, message budget and the
 * tasks it was sent. Tops a console up to its credit and pushes the tasks, and on a dispatch
 * wake-up tops up every console of that post that holds fewer tasks than its credit.
 */
@ApplicationScoped
public class KeyerConsoles {

  private static final Logger LOG = Logger.getLogger(KeyerConsoles.class);

  private final KeyingConsole keying;
  private final DispatchWakeUps wakeUps;
  private final int defaultCredit;
  private final KeyingConfig.Console config;
  private final Vertx vertx;
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
      Vertx vertx) {
    this.keying = keying;
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
      Set<UUID> shown) {

    boolean wantsMore() {
      return shown.size() < credit.get();
    }
  }

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
            ConcurrentHashMap.newKeySet());
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

  /** Sets the credit, bounded by {@code vf.keying.console.max-credit}. */
  void credit(Console c, Integer credit) {
    c.credit().set(bounded(credit));
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

  /** Claims until the console holds its credit, and sends what was claimed. */
  Uni<Void> topUp(Console c) {
    if (!c.wantsMore() || c.connection().isClosed()) {
      return Uni.createFrom().voidItem();
    }
    return keying.topUp(c.keyer(), c.credit().get()).chain(tasks -> send(c, tasks));
  }

  /** The task left the keyer's hands (keyed, skipped, or no longer theirs). */
  void done(Console c, UUID taskId) {
    c.shown().remove(taskId);
  }

  private Uni<Void> send(Console c, List<ShownTask> tasks) {
    return Multi.createFrom()
        .iterable(tasks)
        .onItem()
        .transformToUniAndConcatenate(
            t -> {
              c.shown().add(t.assignment().taskId());
              return c.connection().sendText(ServerMessage.Task.of(t));
            })
        .collect()
        .last()
        .replaceWithVoid();
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
