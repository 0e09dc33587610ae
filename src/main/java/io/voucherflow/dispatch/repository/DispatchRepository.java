package io.voucherflow.dispatch.repository;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import io.voucherflow.dispatch.config.DispatchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one owner of the dispatcher's Redis keys and scripts. Key shapes (after the configured
 * prefix): {@code task:{id}} hash (kind, priority, holder), {@code queue:{kind}} sorted set by
 * priority, {@code held:{staffId}} set of the task ids a member of staff holds.
 */
@ApplicationScoped
public class DispatchRepository {

  private final ReactiveRedisDataSource redis;
  private final ReactiveSetCommands<String, String> sets;
  private final String prefix;
  private final Script offer = new Script("offer.lua");
  private final Script lease = new Script("lease.lua");
  private final Script requeueHeld = new Script("requeue-held.lua");

  @Inject
  public DispatchRepository(ReactiveRedisDataSource redis, DispatchConfig config) {
    this.redis = redis;
    this.sets = redis.set(String.class);
    this.prefix = config.keyPrefix();
  }

  public Uni<Void> offer(String taskId, String kind, long priority) {
    return offer
        .run(List.of(taskKey(taskId), queueKey(kind)), taskId, kind, Long.toString(priority))
        .replaceWithVoid();
  }

  /** Leases the most urgent task of a kind to a member of staff; null when the queue is empty. */
  public Uni<String> lease(String kind, long staffId) {
    return lease
        .run(List.of(queueKey(kind), heldKey(staffId)), prefix + "task:", Long.toString(staffId))
        .map(r -> r == null ? null : r.toString());
  }

  public Uni<Long> countHeldBy(long staffId) {
    return sets.scard(heldKey(staffId));
  }

  public Uni<Long> requeueHeldBy(long staffId) {
    return requeueHeld
        .run(List.of(heldKey(staffId)), prefix + "task:", prefix + "queue:")
        .map(Response::toLong);
  }

  private String taskKey(String id) {
    return prefix + "task:" + id;
  }

  private String queueKey(String kind) {
    return prefix + "queue:" + kind;
  }

  private String heldKey(long staffId) {
    return prefix + "held:" + staffId;
  }

  /**
   * A Lua script kept as a resource, run by its SHA and reloaded if Redis forgot it (e.g. after a
   * restart).
   */
  private final class Script {
    private final String source;
    private volatile String sha;

    Script(String resource) {
      try (InputStream in = DispatchRepository.class.getResourceAsStream("/dispatch/" + resource)) {
        this.source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException | NullPointerException e) {
        throw new UncheckedIOException(new IOException("Missing dispatch script " + resource, e));
      }
    }

    Uni<Response> run(List<String> keys, String... args) {
      Uni<String> loaded =
          sha != null
              ? Uni.createFrom().item(sha)
              : redis.execute("SCRIPT", "LOAD", source).map(r -> sha = r.toString());
      return loaded
          .chain(s -> redis.execute("EVALSHA", command(s, keys, args)))
          .onFailure(e -> e.getMessage() != null && e.getMessage().startsWith("NOSCRIPT"))
          .recoverWithUni(
              () -> {
                sha = null;
                return redis.execute("EVAL", command(source, keys, args));
              });
    }

    private String[] command(String scriptOrSha, List<String> keys, String... args) {
      List<String> parts = new ArrayList<>();
      parts.add(scriptOrSha);
      parts.add(Integer.toString(keys.size()));
      parts.addAll(keys);
      parts.addAll(List.of(args));
      return parts.toArray(String[]::new);
    }
  }
}
