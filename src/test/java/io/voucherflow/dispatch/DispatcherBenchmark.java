package io.voucherflow.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.cases.CaseFixtures;
import io.voucherflow.dispatch.service.DispatchService;
import io.voucherflow.dispatch.service.QueueRebuilder;
import io.voucherflow.keying.KeySubmission;
import io.voucherflow.keying.KeyingAssignment;
import io.voucherflow.keying.service.KeyingService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The dispatcher alone, through the service layer (no WebSocket): simulated keyers claim with
 * prefetch credit and submit as fast as they can against the real Redis and PostgreSQL; every
 * submit is acknowledged only once its row is committed. Prints tasks/s and latencies, then checks
 * in PostgreSQL that every task is DONE exactly once. Not part of the test suite (the name does not
 * end in Test); run it with
 *
 * <pre>
 * ./mvnw -B -o test -Dtest=DispatcherBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *   -Dvf.bench.tasks=200000 -Dvf.bench.keyers=200 -Dvf.bench.credit=2
 * </pre>
 *
 * <p>Tasks are seeded in PostgreSQL (8 per voucher: 4 slice fields keyed twice, so the exclusion
 * and per-voucher slice checks run on every claim) and queued by a rebuild from PostgreSQL.
 */
@QuarkusTest
class DispatcherBenchmark {

  private static final int TASKS = Integer.getInteger("vf.bench.tasks", 200_000);
  private static final int WARMUP = Integer.getInteger("vf.bench.warmup", 40_000);
  private static final int KEYERS = Integer.getInteger("vf.bench.keyers", 200);
  private static final int CREDIT = Integer.getInteger("vf.bench.credit", 2);

  @Inject Pool pool;
  @Inject KeyingService keying;
  @Inject DispatchService dispatch;
  @Inject QueueRebuilder rebuilder;

  @Test
  void shouldDispatchTenThousandTasksPerSecond() throws Exception {
    System.out.printf(
        "%nDispatcher benchmark: %,d tasks (after %,d warm-up), %d keyers, credit %d%n",
        TASKS, WARMUP, KEYERS, CREDIT);
    run("BENCH_WARMUP", WARMUP, 1_000_000);
    Result r = run("BENCH", TASKS, 2_000_000);

    double seconds = r.nanos / 1e9;
    System.out.printf(
        "RESULT tasks=%,d seconds=%.2f throughput=%,.0f tasks/s%n",
        TASKS, seconds, TASKS / seconds);
    System.out.printf(
        "RESULT claim  p50=%.2f ms p99=%.2f ms (%,d claims, %,d empty)%n",
        r.claims.percentile(50), r.claims.percentile(99), r.claims.count(), r.empty.get());
    System.out.printf(
        "RESULT submit p50=%.2f ms p99=%.2f ms (claimed-to-durable per task: p50=%.2f ms p99=%.2f"
            + " ms)%n",
        r.submits.percentile(50),
        r.submits.percentile(99),
        r.cycles.percentile(50),
        r.cycles.percentile(99));

    Row check =
        pool.preparedQuery(
                "select count(*) filter (where state = 'DONE') as done,"
                    + " count(*) filter (where state <> 'DONE') as not_done,"
                    + " count(distinct id) filter (where state = 'DONE') as distinct_done,"
                    + " count(*) filter (where leased_by is null and state = 'DONE') as no_keyer"
                    + " from keying_task where post_code = 'BENCH'")
            .execute()
            .await()
            .atMost(CaseFixtures.WAIT)
            .iterator()
            .next();
    System.out.printf(
        "RESULT check done=%,d not-done=%,d acknowledged=%,d refused=%,d%n",
        check.getLong("done"), check.getLong("not_done"), r.acked.size(), r.refused.get());
    assertThat(check.getLong("done")).isEqualTo(TASKS);
    assertThat(check.getLong("distinct_done")).isEqualTo(TASKS);
    assertThat(check.getLong("not_done")).isZero();
    assertThat(check.getLong("no_keyer")).isZero();
    assertThat(r.acked).hasSize(TASKS);
    assertThat(r.duplicateAcks.get()).isZero();
    assertThat(r.refused.get()).isZero();
  }

  private Result run(String post, int tasks, long keyerBase) throws Exception {
    seed(post, tasks);
    Result r = new Result(tasks);
    CompletableFuture<Void> finished = new CompletableFuture<>();
    long start = System.nanoTime();
    for (int k = 0; k < KEYERS; k++) {
      new SimulatedKeyer(keyerBase + k, post, r, tasks, finished).next();
    }
    finished.get(10, TimeUnit.MINUTES);
    r.nanos = System.nanoTime() - start;
    return r;
  }

  /** 4 slice fields per voucher, each keyed twice; queued by a rebuild from PostgreSQL. */
  private void seed(String post, int tasks) {
    int vouchers = (tasks + 7) / 8;
    pool.preparedQuery(
            "insert into keying_task (id, voucher_id, field_name, post_code, skill, kind, key_no,"
                + " entry_mode, priority, body, state)"
                + " select gen_random_uuid(), v.id, 'f' || f, $1, '', 'KEY', k, 'SLICE',"
                + " 1800000000000 + v.i * 1000,"
                + " json_build_object('voucherId', v.id, 'field', 'f' || f, 'fieldKind', 'text',"
                + " 'kind', 'KEY', 'keyNo', k, 'whole', false)::text, 'OPEN'"
                + " from (select gen_random_uuid() as id, i from generate_series(1, $2) i) v"
                + " cross join generate_series(1, 4) f cross join generate_series(1, 2) k"
                + " order by v.i, f, k limit $3")
        .execute(Tuple.of(post, vouchers, tasks))
        .await()
        .atMost(Duration.ofMinutes(2));
    long t0 = System.nanoTime();
    CaseFixtures.await(() -> rebuilder.rebuild());
    long queued = CaseFixtures.await(() -> dispatch.queued(post));
    System.out.printf(
        "Seeded %,d tasks for %s; rebuild from PostgreSQL queued %,d in %.1f s%n",
        tasks, post, queued, (System.nanoTime() - t0) / 1e9);
    assertThat(queued).isEqualTo(tasks);
  }

  /** A keyer that claims up to its credit, keys what it got, and claims again. */
  private final class SimulatedKeyer {
    private final long id;
    private final String post;
    private final Result r;
    private final int tasks;
    private final CompletableFuture<Void> finished;

    SimulatedKeyer(long id, String post, Result r, int tasks, CompletableFuture<Void> finished) {
      this.id = id;
      this.post = post;
      this.r = r;
      this.tasks = tasks;
      this.finished = finished;
    }

    void next() {
      if (r.completed.get() >= tasks) {
        finished.complete(null);
        return;
      }
      long t0 = System.nanoTime();
      keying
          .claim(id, post, Set.of(), CREDIT)
          .subscribe()
          .with(
              got -> {
                long claimed = System.nanoTime();
                r.claims.add(claimed - t0);
                if (got.isEmpty()) {
                  r.empty.incrementAndGet();
                  // Nothing this keyer may take right now: look again shortly.
                  CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS).execute(this::next);
                  return;
                }
                AtomicInteger left = new AtomicInteger(got.size());
                for (KeyingAssignment a : got) {
                  submit(a, claimed, left);
                }
              },
              finished::completeExceptionally);
    }

    private void submit(KeyingAssignment a, long claimed, AtomicInteger left) {
      long t0 = System.nanoTime();
      keying
          .submit(id, a.taskId(), new KeySubmission("V" + a.task().field(), 3, 800))
          .subscribe()
          .with(
              ok -> {
                long now = System.nanoTime();
                r.submits.add(now - t0);
                r.cycles.add(now - claimed);
                if (r.acked.put(a.taskId(), Boolean.TRUE) != null) {
                  r.duplicateAcks.incrementAndGet();
                }
                r.completed.incrementAndGet();
                if (left.decrementAndGet() == 0) {
                  next();
                }
              },
              e -> {
                r.refused.incrementAndGet();
                if (left.decrementAndGet() == 0) {
                  next();
                }
              });
    }
  }

  private static final class Result {
    final Latencies claims;
    final Latencies submits;
    final Latencies cycles;
    final AtomicInteger completed = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger duplicateAcks = new AtomicInteger();
    final AtomicLong empty = new AtomicLong();
    final ConcurrentHashMap<UUID, Boolean> acked = new ConcurrentHashMap<>();
    long nanos;

    Result(int tasks) {
      claims = new Latencies(tasks * 4);
      submits = new Latencies(tasks);
      cycles = new Latencies(tasks);
    }
  }

  /** Latencies in nanoseconds, kept whole and sorted once at the end. */
  private static final class Latencies {
    private final long[] values;
    private final AtomicInteger size = new AtomicInteger();

    Latencies(int capacity) {
      values = new long[capacity];
    }

    void add(long nanos) {
      int i = size.getAndIncrement();
      if (i < values.length) {
        values[i] = nanos;
      }
    }

    int count() {
      return Math.min(size.get(), values.length);
    }

    double percentile(double p) {
      long[] sorted = Arrays.copyOf(values, count());
      Arrays.sort(sorted);
      if (sorted.length == 0) {
        return 0;
      }
      int i = (int) Math.ceil(p / 100 * sorted.length) - 1;
      return sorted[Math.max(0, i)] / 1e6;
    }
  }
}
