package io.voucherflow.dispatch.repository;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.redis.datasource.keys.ReactiveKeyCommands;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.redis.datasource.set.ReactiveSetCommands;
import io.quarkus.redis.datasource.sortedset.ReactiveSortedSetCommands;
import io.quarkus.redis.datasource.value.ReactiveValueCommands;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import io.voucherflow.dispatch.CompletionResult;
import io.voucherflow.dispatch.DispatchTask;
import io.voucherflow.dispatch.Lease;
import io.voucherflow.dispatch.config.DispatchConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The one owner of the dispatcher's Redis keys and scripts. Key shapes, after the configured
 * prefix:
 *
 * <ul>
 *   <li>{@code dq:{post}} sorted set of queued tasks by priority (lower is sooner); members are
 *       {@code id|skill|slice|voucher|group}, so a claim skips a task without reading its hash
 *   <li>{@code dt:{id}} hash: post, m (queue member), pr (priority), b (body), state (queued,
 *       leased, done), holder, until; a done task stays a day so a late submit is told so
 *   <li>{@code held:{keyer}} set of the task ids a keyer holds
 *   <li>{@code leases} sorted set of leased task ids by deadline (epoch ms), for the reaper
 *   <li>{@code fx:{group}} set of keyers who had a task of the group (never both keys of a field)
 *   <li>{@code vx:{voucher}} hash keyer → slices of the voucher seen (split knowledge)
 *   <li>{@code built} marker set by a rebuild; its absence at start means Redis lost the queues
 *   <li>channel {@code wake}: a post's name whenever tasks are queued there
 * </ul>
 */
@ApplicationScoped
public class DispatchRepository {

  /** Tasks per offer script call: keeps one call short so it does not stall Redis. */
  private static final int OFFER_CHUNK = 200;

  private final String prefix;
  private final DispatchConfig config;
  private final ReactiveSetCommands<String, String> sets;
  private final ReactiveSortedSetCommands<String, String> zsets;
  private final ReactiveKeyCommands<String> keys;
  private final ReactiveValueCommands<String, String> values;
  private final ReactivePubSubCommands<String> pubsub;
  private final LuaScript offer;
  private final LuaScript claim;
  private final LuaScript complete;
  private final LuaScript release;

  @Inject
  public DispatchRepository(ReactiveRedisDataSource redis, DispatchConfig config) {
    this.prefix = config.keyPrefix();
    this.config = config;
    this.sets = redis.set(String.class);
    this.zsets = redis.sortedSet(String.class);
    this.keys = redis.key();
    this.values = redis.value(String.class);
    this.pubsub = redis.pubsub(String.class);
    this.offer = new LuaScript(redis, "offer.lua");
    this.claim = new LuaScript(redis, "claim.lua");
    this.complete = new LuaScript(redis, "complete.lua");
    this.release = new LuaScript(redis, "release.lua");
  }

  /** Queues tasks (idempotent: leased or done tasks stay as they are); answers how many. */
  public Uni<Integer> offer(Collection<DispatchTask> tasks) {
    List<DispatchTask> all = List.copyOf(tasks);
    if (all.isEmpty()) {
      return Uni.createFrom().item(0);
    }
    List<Uni<Integer>> chunks = new ArrayList<>();
    for (int i = 0; i < all.size(); i += OFFER_CHUNK) {
      chunks.add(offerChunk(all.subList(i, Math.min(all.size(), i + OFFER_CHUNK))));
    }
    return Uni.join()
        .all(chunks)
        .andFailFast()
        .map(counts -> counts.stream().mapToInt(Integer::intValue).sum());
  }

  private Uni<Integer> offerChunk(List<DispatchTask> chunk) {
    List<String> args = new ArrayList<>(2 + chunk.size() * 9);
    args.add(prefix);
    args.add(wakeChannel());
    for (DispatchTask t : chunk) {
      args.add(t.id());
      args.add(t.post());
      args.add(t.skill());
      args.add(t.group());
      args.add(t.voucher());
      args.add(t.slice() ? "1" : "0");
      args.add(Long.toString(t.priority()));
      args.add(t.body());
      args.add(String.join(",", t.excludedKeyers()));
    }
    return offer.run(List.of(), args).map(Response::toInteger);
  }

  /**
   * Leases up to the keyer's free credit of the most urgent tasks of the post it may take.
   *
   * @param skills the keyer's skills; empty means any task of the post
   * @param lease how long the keyer may hold what it gets
   */
  public Uni<List<Lease>> claim(
      String keyer, String post, Set<String> skills, int credit, java.time.Duration lease) {
    return claim(keyer, post, skills, credit, lease, 0, 0);
  }

  /**
   * Leases as {@link #claim(String, String, Set, int, java.time.Duration)}, and up to {@code ahead}
   * tasks more while the post's queue holds at least {@code aheadWhenQueued}: work a console keeps
   * ready off screen, so its next slice goes out without a round trip.
   */
  public Uni<List<Lease>> claim(
      String keyer,
      String post,
      Set<String> skills,
      int credit,
      java.time.Duration lease,
      int ahead,
      long aheadWhenQueued) {
    String skillArg = skills.isEmpty() ? "*" : "," + String.join(",", skills) + ",";
    return claim
        .run(
            List.of(queueKey(post), heldKey(keyer), leasesKey()),
            List.of(
                prefix,
                keyer,
                Long.toString(lease.toMillis()),
                Integer.toString(config.scanDepth()),
                Integer.toString(config.maxSlicesPerVoucher()),
                Integer.toString(credit),
                skillArg,
                Integer.toString(ahead),
                Long.toString(aheadWhenQueued)))
        .map(DispatchRepository::leases);
  }

  private static List<Lease> leases(Response r) {
    Instant until = Instant.ofEpochMilli(r.get(0).toLong());
    List<Lease> out = new ArrayList<>((r.size() - 1) / 2);
    for (int i = 1; i + 1 < r.size(); i += 2) {
      Response body = r.get(i + 1);
      out.add(new Lease(r.get(i).toString(), body == null ? null : body.toString(), until));
    }
    return out;
  }

  /** Marks the task done if the keyer still holds its lease. */
  public Uni<CompletionResult> complete(String taskId, String keyer) {
    return complete
        .run(List.of(taskKey(taskId), heldKey(keyer), leasesKey()), List.of(taskId, keyer))
        .map(r -> CompletionResult.of(r.toString()));
  }

  /** Puts a task back in its queue although it was done (its completion could not be stored). */
  public Uni<Integer> reopen(DispatchTask task) {
    return keys.del(taskKey(task.id())).chain(() -> offer(List.of(task)));
  }

  /** Returns one task the keyer holds to its queue; false when the keyer did not hold it. */
  public Uni<Boolean> release(String taskId, String keyer) {
    return releaseRun("one", taskId, keyer).map(n -> n > 0);
  }

  /** Returns every task the keyer holds to its queue; answers how many. */
  public Uni<Long> releaseAll(String keyer) {
    return releaseRun("keyer", keyer).map(Integer::longValue);
  }

  /** Returns expired leases to their queues (atomic: safe when every instance runs it). */
  public Uni<Integer> reap(int limit) {
    return releaseRun("expired", Integer.toString(limit));
  }

  private Uni<Integer> releaseRun(String mode, String... more) {
    List<String> args = new ArrayList<>(List.of(prefix, wakeChannel(), mode));
    args.addAll(List.of(more));
    return release.run(List.of(leasesKey()), args).map(Response::toInteger);
  }

  /** The ids of the tasks the keyer holds. */
  public Uni<Set<String>> heldBy(String keyer) {
    return sets.smembers(heldKey(keyer));
  }

  public Uni<Long> countHeldBy(String keyer) {
    return sets.scard(heldKey(keyer));
  }

  /** How many tasks wait in the post's queue. */
  public Uni<Long> queued(String post) {
    return zsets.zcard(queueKey(post));
  }

  /** True when a rebuild has filled the queues since Redis last lost them. */
  public Uni<Boolean> built() {
    return keys.exists(prefix + "built");
  }

  public Uni<Void> markBuilt() {
    return values.set(prefix + "built", Instant.now().toString());
  }

  /** Deletes every dispatcher key (tests and drills: what a FLUSH would do to this prefix). */
  public Uni<Long> forgetEverything() {
    return keys.scan(new KeyScanArgs().match(prefix + "*").count(1000))
        .toMulti()
        .group()
        .intoLists()
        .of(500)
        .onItem()
        .transformToUniAndConcatenate(batch -> keys.del(batch.toArray(String[]::new)))
        .collect()
        .with(java.util.stream.Collectors.summingLong(Integer::longValue));
  }

  /** Posts whose queues got tasks, as every instance hears them (pub/sub). */
  public Multi<String> wakeUps() {
    return pubsub.subscribe(wakeChannel());
  }

  private String wakeChannel() {
    return prefix + "wake";
  }

  private String taskKey(String id) {
    return prefix + "dt:" + id;
  }

  private String queueKey(String post) {
    return prefix + "dq:" + post;
  }

  private String heldKey(String keyer) {
    return prefix + "held:" + keyer;
  }

  private String leasesKey() {
    return prefix + "leases";
  }
}
