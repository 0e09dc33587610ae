package io.voucherflow.rules.service;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.voucherflow.rules.config.RulesConfig;
import io.voucherflow.rules.repository.RuleChangeNotifier;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * Keeps a {@link RuleBook} current: reloads a rule when any node announces its activation, reloads
 * everything after a lost subscription and every {@code vf.rules.safety-reload} in case a message
 * was lost all the same.
 */
@ApplicationScoped
public class RuleBookSync {

  private static final Logger LOG = Logger.getLogger(RuleBookSync.class);
  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final RuleBook book;
  private final RuleChangeNotifier notifier;
  private final Vertx vertx;
  private final Duration safetyReload;
  private volatile long timer = -1;

  @Inject
  public RuleBookSync(RuleBook book, RuleChangeNotifier notifier, Vertx vertx, RulesConfig config) {
    this(book, notifier, vertx, config.safetyReload());
  }

  public RuleBookSync(
      RuleBook book, RuleChangeNotifier notifier, Vertx vertx, Duration safetyReload) {
    this.book = book;
    this.notifier = notifier;
    this.vertx = vertx;
    this.safetyReload = safetyReload;
  }

  // After the shipped rules are seeded (ShippedRuleSeeder, 2700).
  void onStart(@Observes @Priority(2800) StartupEvent event) {
    // Startup runs on the main thread: waiting delays readiness, it blocks no event loop.
    start().await().atMost(START_TIMEOUT);
    LOG.infof("Rule book loaded: %s", book.versions());
  }

  void onStop(@Observes ShutdownEvent event) {
    // Redis may already be gone at shutdown; there is nothing left to keep current.
    stop().onFailure().recoverWithNull().await().atMost(START_TIMEOUT);
  }

  /**
   * Subscribes, then loads every active rule (in this order, so no activation falls between the
   * two), then starts the periodic safety reload. Redis being down does not stop the start: the
   * subscription is retried and the periodic reload still applies changes.
   */
  public Uni<Void> start() {
    return notifier
        .listen(this::onAnnounced, this::reloadAllInBackground)
        .onFailure()
        .invoke(e -> LOG.warnf("Rule changes not subscribed yet (%s); retrying", e.getMessage()))
        .onFailure()
        .recoverWithNull()
        .chain(book::reloadAll)
        .invoke(
            () ->
                timer = vertx.setPeriodic(safetyReload.toMillis(), id -> reloadAllInBackground()));
  }

  public Uni<Void> stop() {
    if (timer >= 0) {
      vertx.cancelTimer(timer);
    }
    return notifier.close();
  }

  private void onAnnounced(String code) {
    book.reload(code)
        .subscribe()
        .with(
            ok -> {},
            e -> LOG.warnf("Could not reload rule %s (%s); the safety reload will", code, e));
  }

  private void reloadAllInBackground() {
    book.reloadAll()
        .subscribe()
        .with(ok -> {}, e -> LOG.warnf("Could not reload the rules: %s", e.getMessage()));
  }
}
