package io.voucherflow.rules.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.voucherflow.rules.config.RulesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Announces rule activations on a Redis pub/sub channel and hears every node's announcements; the
 * rules feature's only use of Redis. A message is just the rule's code: listeners reload that
 * code's active version from PostgreSQL, the one source of truth.
 */
@ApplicationScoped
public class RuleChangeNotifier {

  private static final Logger LOG = Logger.getLogger(RuleChangeNotifier.class);

  private final Redis redis;
  private final Vertx vertx;
  private final String channel;
  private final Duration resubscribeDelay;
  // Named so operators can tell the subscriber apart in CLIENT LIST (and kill it in a test).
  private final String connectionName = "vf-rules-" + UUID.randomUUID().toString().substring(0, 8);

  private volatile RedisConnection subscription;
  private volatile boolean closed;
  private volatile Consumer<String> onChange = code -> {};
  private volatile Runnable onResubscribed = () -> {};

  @Inject
  public RuleChangeNotifier(Redis redis, Vertx vertx, RulesConfig config) {
    this(redis, vertx, config.channel(), config.resubscribeDelay());
  }

  public RuleChangeNotifier(Redis redis, Vertx vertx, String channel, Duration resubscribeDelay) {
    this.redis = redis;
    this.vertx = vertx;
    this.channel = channel;
    this.resubscribeDelay = resubscribeDelay;
  }

  /** Tells every listening node (this one included) that the active version of code changed. */
  public Uni<Void> publish(String code) {
    return redis.send(Request.cmd(Command.PUBLISH).arg(channel).arg(code)).replaceWithVoid();
  }

  /**
   * Listens on a connection of its own until {@link #close()}, replacing it whenever it is lost.
   *
   * @param onChange gets the code of every rule announced
   * @param onResubscribed runs after a lost connection was replaced: announcements made meanwhile
   *     were missed, so the caller should reload everything
   * @return completes once Redis confirmed the subscription; on failure it keeps trying in the
   *     background, as after a lost connection
   */
  public Uni<Void> listen(Consumer<String> onChange, Runnable onResubscribed) {
    this.onChange = onChange;
    this.onResubscribed = onResubscribed;
    return subscribe().onFailure().invoke(e -> resubscribeLater());
  }

  /** The client name of the subscribing connection, as CLIENT LIST shows it. */
  public String connectionName() {
    return connectionName;
  }

  public Uni<Void> close() {
    closed = true;
    RedisConnection current = subscription;
    subscription = null;
    return current == null ? Uni.createFrom().voidItem() : current.close();
  }

  private Uni<Void> subscribe() {
    return redis
        .connect()
        .chain(
            conn -> {
              conn.handler(this::onMessage);
              conn.exceptionHandler(e -> lost(conn, e));
              conn.endHandler(() -> lost(conn, null));
              return conn.send(Request.cmd(Command.CLIENT).arg("SETNAME").arg(connectionName))
                  .chain(() -> conn.send(Request.cmd(Command.SUBSCRIBE).arg(channel)))
                  .invoke(() -> subscription = conn)
                  .onFailure()
                  .call(conn::close);
            })
        .replaceWithVoid();
  }

  private void onMessage(Response message) {
    // ["message", channel, payload]; the "subscribe" confirmation has the same shape.
    if (message != null
        && message.size() == 3
        && "message".equalsIgnoreCase(message.get(0).toString())
        && channel.equals(message.get(1).toString())) {
      onChange.accept(message.get(2).toString());
    }
  }

  private void lost(RedisConnection conn, Throwable cause) {
    if (closed || conn != subscription) {
      return;
    }
    subscription = null;
    LOG.warnf(cause, "Lost the rule-change subscription on %s; subscribing again", channel);
    conn.close().subscribe().with(ignored -> {}, ignored -> {});
    resubscribeLater();
  }

  private void resubscribeLater() {
    vertx.setTimer(
        resubscribeDelay.toMillis(),
        id -> {
          if (closed) {
            return;
          }
          subscribe()
              .subscribe()
              .with(
                  ok -> onResubscribed.run(),
                  e -> {
                    LOG.warnf("Could not subscribe to %s yet: %s", channel, e.getMessage());
                    resubscribeLater();
                  });
        });
  }
}
