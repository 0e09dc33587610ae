package io.voucherflow.keying.repository;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.keying.KeyingState;
import io.voucherflow.keying.config.KeyingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Write-behind for completions with group commit: completions arriving together share one UPDATE
 * (up to {@code vf.keying.write-batch} rows, after at most {@code vf.keying.write-delay}), and each
 * caller's Uni completes only once that statement has committed, so no submit is acknowledged
 * before its row is durable.
 */
@ApplicationScoped
public class CompletionWriter {

  /** A finished task to write: its end state, the key, and the lease it was made under. */
  public record Completion(
      UUID taskId,
      long keyer,
      KeyingState state,
      String value,
      Integer keystrokes,
      Integer keyMillis,
      Instant leaseUntil) {}

  /** A written completion: the field it keyed. */
  public record Written(UUID taskId, UUID voucherId, String field) {}

  // One statement for the whole batch: unnest the arrays and update by primary key.
  private static final String UPDATE =
      "update keying_task t set state = u.state, leased_by = u.keyer, lease_until = u.lease_until,"
          + " keyed_value = u.value, keystrokes = u.keystrokes, key_millis = u.millis,"
          + " completed_at = now()"
          + " from unnest($1::uuid[], $2::varchar[], $3::bigint[], $4::timestamptz[],"
          + " $5::varchar[], $6::int[], $7::int[])"
          + " as u(id, state, keyer, lease_until, value, keystrokes, millis)"
          + " where t.id = u.id and t.state in ('OPEN', 'LEASED')"
          + " returning t.id, t.voucher_id, t.field_name";

  private record Pending(Completion completion, UniEmitter<? super Written> emitter) {}

  private final Pool pool;
  private final Vertx vertx;
  private final int batchSize;
  private final long delayMillis;
  private final int maxInFlight;
  private final Object lock = new Object();
  private List<Pending> pending = new ArrayList<>();
  private boolean timerSet;
  private int inFlight;

  @Inject
  public CompletionWriter(Pool pool, Vertx vertx, KeyingConfig config) {
    this.pool = pool;
    this.vertx = vertx;
    this.batchSize = config.writeBatch();
    this.delayMillis = Math.max(1, config.writeDelay().toMillis());
    this.maxInFlight = config.writesInFlight();
  }

  /**
   * Writes the completion with others; the item is the field it keyed, or null when the task was
   * not open in PostgreSQL any more (completed or withdrawn before).
   */
  public Uni<Written> write(Completion completion) {
    return Uni.createFrom()
        .emitter(
            emitter -> {
              boolean flushNow;
              synchronized (lock) {
                pending.add(new Pending(completion, emitter));
                flushNow = pending.size() >= batchSize && inFlight < maxInFlight;
                if (!flushNow && !timerSet) {
                  timerSet = true;
                  vertx.setTimer(delayMillis, id -> onTimer());
                }
              }
              if (flushNow) {
                flush();
              }
            });
  }

  private void onTimer() {
    synchronized (lock) {
      timerSet = false;
    }
    flush();
  }

  private void flush() {
    List<Pending> batch;
    synchronized (lock) {
      if (pending.isEmpty() || inFlight >= maxInFlight) {
        return;
      }
      if (pending.size() <= batchSize) {
        batch = pending;
        pending = new ArrayList<>();
      } else {
        batch = new ArrayList<>(pending.subList(0, batchSize));
        pending = new ArrayList<>(pending.subList(batchSize, pending.size()));
      }
      inFlight++;
    }
    pool.preparedQuery(UPDATE)
        .execute(arrays(batch))
        .subscribe()
        .with(rows -> done(batch, rows), e -> failed(batch, e));
  }

  private void done(List<Pending> batch, RowSet<Row> rows) {
    afterBatch();
    Map<UUID, Written> written = new HashMap<>();
    for (Row r : rows) {
      UUID id = r.getUUID("id");
      written.put(id, new Written(id, r.getUUID("voucher_id"), r.getString("field_name")));
    }
    for (Pending p : batch) {
      p.emitter().complete(written.get(p.completion().taskId()));
    }
  }

  private void failed(List<Pending> batch, Throwable e) {
    afterBatch();
    for (Pending p : batch) {
      p.emitter().fail(e);
    }
  }

  private void afterBatch() {
    boolean more;
    synchronized (lock) {
      inFlight--;
      more = !pending.isEmpty();
    }
    if (more) {
      flush();
    }
  }

  private static Tuple arrays(List<Pending> batch) {
    int n = batch.size();
    UUID[] ids = new UUID[n];
    String[] states = new String[n];
    Long[] keyers = new Long[n];
    OffsetDateTime[] until = new OffsetDateTime[n];
    String[] values = new String[n];
    Integer[] keystrokes = new Integer[n];
    Integer[] millis = new Integer[n];
    for (int i = 0; i < n; i++) {
      Completion c = batch.get(i).completion();
      ids[i] = c.taskId();
      states[i] = c.state().name();
      keyers[i] = c.keyer();
      until[i] = c.leaseUntil() == null ? null : c.leaseUntil().atOffset(ZoneOffset.UTC);
      values[i] = c.value();
      keystrokes[i] = c.keystrokes();
      millis[i] = c.keyMillis();
    }
    return Tuple.tuple(List.of(ids, states, keyers, until, values, keystrokes, millis));
  }
}
