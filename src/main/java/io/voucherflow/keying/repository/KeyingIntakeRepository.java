package io.voucherflow.keying.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The case tasks keying takes over: key_slice and key_whole tasks the case engine opened. Read from
 * {@code case_task} by SQL, so the cases feature needs no change to hand them over.
 */
@ApplicationScoped
public class KeyingIntakeRepository {

  /** An open keying case task and its voucher. */
  public record CaseKeyTask(UUID caseTaskId, UUID voucherId) {}

  private final Pool pool;

  @Inject
  public KeyingIntakeRepository(Pool pool) {
    this.pool = pool;
  }

  /**
   * Vouchers with open keying case tasks not taken over yet, oldest first. Reads every open keying
   * case task, so its cost grows with the backlog: the intake runs it once after start, then looks
   * at {@link #vouchersWaitingSince recent tasks} and at {@link #waitingIn a chunk} at a time.
   */
  public Uni<List<UUID>> vouchersWaiting(int limit) {
    return waiting("", Tuple.of(limit));
  }

  /**
   * As {@link #vouchersWaiting(int)}, among the keying case tasks created in the last {@code
   * lookback} (by the database's clock): read through the index of open keying case tasks by
   * creation, so a look costs what arrived in that window, not the backlog or the history.
   */
  public Uni<List<UUID>> vouchersWaitingSince(Duration lookback, int limit) {
    return waiting(
        " and t.created_at > now() - make_interval(secs => $2)",
        Tuple.of(limit, lookback.toMillis() / 1000.0));
  }

  /** Where a rolling look through the open keying case tasks has got to (by creation, then id). */
  public record Cursor(OffsetDateTime createdAt, UUID id) {
    /** Before every case task. */
    public static final Cursor START =
        new Cursor(OffsetDateTime.of(1970, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), new UUID(0, 0));
  }

  /** A chunk of a rolling look: the vouchers waiting in it, and where the next chunk starts. */
  public record Chunk(List<UUID> waiting, Cursor next) {}

  /**
   * The next {@code size} open keying case tasks after {@code after} (oldest first), and the
   * vouchers among them not taken over yet: a look of bounded cost however long the backlog; the
   * next chunk after the last one starts again from {@link Cursor#START}.
   */
  public Uni<Chunk> waitingIn(Cursor after, int size) {
    return pool.preparedQuery(
            "with chunk as (select t.id, t.case_id, t.created_at from case_task t"
                + " where t.kind in ('key_slice', 'key_whole') and t.state = 'OPEN'"
                + " and t.created_at >= $1 and (t.created_at, t.id) > ($1, $2)"
                + " order by t.created_at, t.id limit $3)"
                // Scalar subqueries, probed by primary key for each task of the chunk: as joins
                // they were planned as hashes of the whole keying_intake and case_instance.
                + " select (select c.voucher_id from case_instance c where c.id = ch.case_id)"
                + " as voucher_id, null::timestamptz as last_created, null::uuid as last_id"
                + " from chunk ch"
                + " where (select true from keying_intake k where k.case_task_id = ch.id) is null"
                + " union all (select null, created_at, id from chunk"
                + " order by created_at desc, id desc limit 1)")
        .execute(Tuple.of(after.createdAt(), after.id(), size))
        .map(
            rows -> {
              Set<UUID> waiting = new LinkedHashSet<>();
              Cursor next = Cursor.START;
              for (Row r : rows) {
                UUID voucher = r.getUUID("voucher_id");
                if (voucher != null) {
                  waiting.add(voucher);
                } else {
                  next = new Cursor(r.getOffsetDateTime("last_created"), r.getUUID("last_id"));
                }
              }
              return new Chunk(List.copyOf(waiting), next);
            });
  }

  private Uni<List<UUID>> waiting(String andCreated, Tuple args) {
    return pool.preparedQuery(
            "select c.voucher_id, min(t.created_at) as since from case_task t"
                + " join case_instance c on c.id = t.case_id"
                + " where t.kind in ('key_slice', 'key_whole') and t.state = 'OPEN'"
                + andCreated
                + " and not exists (select 1 from keying_intake k where k.case_task_id = t.id)"
                + " group by c.voucher_id order by since limit $1")
        .execute(args)
        .map(KeyingIntakeRepository::voucherIds);
  }

  /** Takes over the voucher's open keying case tasks; answers every one not completed yet. */
  public Uni<List<UUID>> take(UUID voucherId) {
    return pool.preparedQuery(
            "insert into keying_intake (case_task_id, voucher_id)"
                + " select t.id, c.voucher_id from case_task t"
                + " join case_instance c on c.id = t.case_id"
                + " where c.voucher_id = $1 and t.kind in ('key_slice', 'key_whole')"
                + " and t.state = 'OPEN' on conflict do nothing")
        .execute(Tuple.of(voucherId))
        .chain(() -> open(voucherId));
  }

  /** The voucher's taken-over case tasks that keying has not completed yet. */
  public Uni<List<UUID>> open(UUID voucherId) {
    return pool.preparedQuery(
            "select case_task_id from keying_intake where voucher_id = $1 and completed_at is null"
                + " order by taken_at")
        .execute(Tuple.of(voucherId))
        .map(
            rows -> {
              List<UUID> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(r.getUUID("case_task_id"));
              }
              return out;
            });
  }

  public Uni<Void> completed(UUID caseTaskId) {
    return pool.preparedQuery(
            "update keying_intake set completed_at = now() where case_task_id = $1")
        .execute(Tuple.of(caseTaskId))
        .replaceWithVoid();
  }

  /**
   * A page of the vouchers keying still works on (their case tasks taken over, not completed), in
   * id order after {@code after} (null: from the first).
   */
  public Uni<List<UUID>> vouchersInKeying(UUID after, int limit) {
    return pool.preparedQuery(
            "select distinct voucher_id from keying_intake where completed_at is null"
                + " and voucher_id > $1 order by voucher_id limit $2")
        .execute(Tuple.of(after == null ? new UUID(0, 0) : after, limit))
        .map(KeyingIntakeRepository::voucherIds);
  }

  /**
   * Fields of these vouchers whose tasks are all finished for a while but which have no final
   * value: their settlement was lost (a crash between a commit and settling).
   */
  public Uni<List<Map.Entry<UUID, String>>> fieldsLeftUnsettled(List<UUID> vouchers) {
    return pool.preparedQuery(
            // Fields first, then their results: a probe of keying_result per field, not per task.
            "select g.voucher_id, g.field_name from (select t.voucher_id, t.field_name"
                + " from keying_task t where t.voucher_id = any($1)"
                + " group by t.voucher_id, t.field_name"
                + " having bool_and(t.state in ('DONE', 'UNREADABLE', 'WITHDRAWN'))"
                + " and max(t.completed_at) < now() - interval '10 seconds') g"
                + " where not exists (select 1 from keying_result r where r.voucher_id ="
                + " g.voucher_id and r.field_name = g.field_name)")
        .execute(Tuple.of(vouchers.toArray(UUID[]::new)))
        .map(
            rows -> {
              List<Map.Entry<UUID, String>> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(Map.entry(r.getUUID("voucher_id"), r.getString("field_name")));
              }
              return out;
            });
  }

  /** Those of these vouchers, taken over a while ago, that have no keyed field left open. */
  public Uni<List<UUID>> vouchersLeftUnfinished(List<UUID> vouchers) {
    return pool.preparedQuery(
            "select distinct k.voucher_id from keying_intake k where k.voucher_id = any($1)"
                + " and k.completed_at is null and k.taken_at < now() - interval '10 seconds'"
                + " and not exists (select 1 from voucher_field f where f.voucher_id ="
                + " k.voucher_id and f.final_value is null and lower(f.entry_mode) in"
                + " ('slice', 'whole') and f.state <> 'UNREADABLE')")
        .execute(Tuple.of(vouchers.toArray(UUID[]::new)))
        .map(KeyingIntakeRepository::voucherIds);
  }

  private static List<UUID> voucherIds(RowSet<Row> rows) {
    List<UUID> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(r.getUUID("voucher_id"));
    }
    return out;
  }
}
