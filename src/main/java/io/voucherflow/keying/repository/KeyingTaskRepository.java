package io.voucherflow.keying.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.dispatch.DispatchTask;
import io.voucherflow.keying.FieldKeys;
import io.voucherflow.keying.FieldToKey;
import io.voucherflow.keying.KeyingKind;
import io.voucherflow.keying.KeyingState;
import io.voucherflow.keying.KeyingTask;
import io.voucherflow.keying.Settlement;
import io.voucherflow.template.FieldKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** Keying tasks, results and errors in PostgreSQL, the source of truth. */
@ApplicationScoped
public class KeyingTaskRepository {

  private static final String COLUMNS =
      "t.id, t.voucher_id, t.field_name, t.case_task_id, t.post_code, t.skill, t.kind, t.key_no,"
          + " t.entry_mode, t.priority, t.body, t.state, t.leased_by, t.keyed_value";
  private static final String INSERT =
      "insert into keying_task (id, voucher_id, field_name, case_task_id, post_code, skill, kind,"
          + " key_no, entry_mode, priority, body, state)"
          + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, 'OPEN')"
          + " on conflict (voucher_id, field_name, kind, key_no) do nothing returning id";

  private final Pool pool;

  @Inject
  public KeyingTaskRepository(Pool pool) {
    this.pool = pool;
  }

  /** Inserts the tasks that do not exist yet; answers those inserted. */
  public Uni<List<KeyingTask>> insert(List<KeyingTask> tasks) {
    return pool.withTransaction(tx -> insert(tx, tasks));
  }

  static Uni<List<KeyingTask>> insert(SqlConnection tx, List<KeyingTask> tasks) {
    if (tasks.isEmpty()) {
      return Uni.createFrom().item(List.of());
    }
    List<Tuple> rows = tasks.stream().map(KeyingTaskRepository::row).toList();
    return tx.preparedQuery(INSERT)
        .executeBatch(rows)
        .map(
            first -> {
              Set<UUID> inserted = new HashSet<>();
              for (var rs = first; rs != null; rs = rs.next()) {
                for (Row r : rs) {
                  inserted.add(r.getUUID("id"));
                }
              }
              return tasks.stream().filter(t -> inserted.contains(t.id())).toList();
            });
  }

  private static Tuple row(KeyingTask t) {
    return Tuple.tuple(
        Arrays.asList(
            t.id(),
            t.voucherId(),
            t.field(),
            t.caseTaskId(),
            t.post(),
            t.skill(),
            t.kind().name(),
            (short) t.keyNo(),
            t.slice() ? "SLICE" : "WHOLE",
            t.priority(),
            t.body()));
  }

  public Uni<KeyingTask> find(UUID id) {
    return pool.preparedQuery("select " + COLUMNS + " from keying_task t where t.id = $1")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() == 0 ? null : task(rows.iterator().next()));
  }

  /** True when keying tasks were made for the voucher already. */
  public Uni<Boolean> hasTasks(UUID voucherId) {
    return pool.preparedQuery("select 1 from keying_task where voucher_id = $1 limit 1")
        .execute(Tuple.of(voucherId))
        .map(rows -> rows.size() > 0);
  }

  /** The voucher's fields that keyers key and that have no final value yet. */
  public Uni<List<FieldToKey>> fieldsToKey(UUID voucherId) {
    return pool.preparedQuery(
            "select name, kind, entry_mode, slice_sha256, ocr_value, ocr_confidence"
                + " from voucher_field where voucher_id = $1 and final_value is null"
                + " and lower(entry_mode) in ('slice', 'whole') order by name")
        .execute(Tuple.of(voucherId))
        .map(
            rows -> {
              List<FieldToKey> out = new ArrayList<>();
              for (Row r : rows) {
                out.add(
                    new FieldToKey(
                        r.getString("name"),
                        kind(r.getString("kind")),
                        "whole".equalsIgnoreCase(r.getString("entry_mode")),
                        r.getString("slice_sha256"),
                        r.getString("ocr_value"),
                        r.getDouble("ocr_confidence")));
              }
              return out;
            });
  }

  /** A page of unfinished tasks, by id after {@code after}, as the dispatcher queues them. */
  public Uni<List<DispatchTask>> unfinished(UUID after, int limit) {
    return pool.preparedQuery(
            "select "
                + COLUMNS
                + ", array(select d.leased_by::text from keying_task d where d.voucher_id ="
                + " t.voucher_id and d.field_name = t.field_name and d.leased_by is not null)"
                + " as excluded from keying_task t where t.state in ('OPEN', 'LEASED') and t.id > $1"
                + " order by t.id limit $2")
        .execute(Tuple.of(after, limit))
        .map(
            rows -> {
              List<DispatchTask> out = new ArrayList<>();
              for (Row r : rows) {
                KeyingTask t = task(r);
                out.add(
                    new DispatchTask(
                        t.id().toString(),
                        t.post(),
                        t.skill(),
                        t.group(),
                        t.voucherId().toString(),
                        t.slice(),
                        t.priority(),
                        t.body(),
                        Arrays.asList(r.getArrayOfStrings("excluded"))));
              }
              return out;
            });
  }

  /** Each field with OCR's reading and all its tasks; fields already final are left out. */
  public Uni<List<FieldKeys>> unsettled(List<Map.Entry<UUID, String>> fields) {
    UUID[] vouchers = fields.stream().map(Map.Entry::getKey).toArray(UUID[]::new);
    String[] names = fields.stream().map(Map.Entry::getValue).toArray(String[]::new);
    return pool.preparedQuery(
            "select "
                + COLUMNS
                + ", f.kind as field_kind, f.ocr_value, f.ocr_confidence from keying_task t"
                + " join voucher_field f on f.voucher_id = t.voucher_id and f.name = t.field_name"
                + " where (t.voucher_id, t.field_name) in"
                + " (select * from unnest($1::uuid[], $2::varchar[]))"
                + " and not exists (select 1 from keying_result r where r.voucher_id ="
                + " t.voucher_id and r.field_name = t.field_name)"
                + " order by t.voucher_id, t.field_name, t.kind, t.key_no")
        .execute(Tuple.of(vouchers, names))
        .map(
            rows -> {
              Map<String, FieldKeys> out = new LinkedHashMap<>();
              for (Row r : rows) {
                KeyingTask t = task(r);
                FieldKeys f =
                    out.computeIfAbsent(
                        t.group(),
                        g ->
                            new FieldKeys(
                                t.voucherId(),
                                t.field(),
                                kind(r.getString("field_kind")),
                                r.getString("ocr_value"),
                                r.getDouble("ocr_confidence"),
                                new ArrayList<>()));
                f.tasks().add(t);
              }
              return List.copyOf(out.values());
            });
  }

  /** A field decided, with how. */
  public record Decided(FieldKeys field, Settlement settlement) {}

  /**
   * Records final values once, all in one transaction of three statements whatever their number:
   * the result rows, the voucher fields and the losing keys as errors. A field another settler
   * recorded first is left as it is. Answers the vouchers of the fields recorded here.
   */
  public Uni<Set<UUID>> settle(List<Decided> decided) {
    if (decided.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    int n = decided.size();
    UUID[] vouchers = new UUID[n];
    String[] fields = new String[n];
    String[] values = new String[n];
    String[] sources = new String[n];
    String[] states = new String[n];
    for (int i = 0; i < n; i++) {
      Decided d = decided.get(i);
      vouchers[i] = d.field().voucherId();
      fields[i] = d.field().field();
      values[i] = d.settlement().finalValue();
      sources[i] = d.settlement().source().name();
      states[i] = d.settlement().source() == Settlement.Source.UNREADABLE ? "UNREADABLE" : "KEYED";
    }
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(
                    // Only the fields whose result row is new here go on to their voucher field.
                    "with won as (insert into keying_result (voucher_id, field_name, final_value,"
                        + " source) select * from unnest($1::uuid[], $2::varchar[],"
                        + " $3::varchar[], $4::varchar[]) on conflict do nothing"
                        + " returning voucher_id, field_name),"
                        + " field as (update voucher_field f set final_value = u.value,"
                        + " state = u.state from won join unnest($1::uuid[], $2::varchar[],"
                        + " $3::varchar[], $5::varchar[]) as u(voucher_id, name, value, state)"
                        + " on u.voucher_id = won.voucher_id and u.name = won.field_name"
                        + " where f.voucher_id = u.voucher_id and f.name = u.name)"
                        + " select voucher_id, field_name as name from won")
                .execute(Tuple.of(vouchers, fields, values, sources, states))
                .chain(
                    rows -> {
                      Set<String> won = new HashSet<>();
                      Set<UUID> settled = new HashSet<>();
                      for (Row r : rows) {
                        won.add(r.getUUID("voucher_id") + "/" + r.getString("name"));
                        settled.add(r.getUUID("voucher_id"));
                      }
                      List<Tuple> errors = new ArrayList<>();
                      for (Decided d : decided) {
                        if (!won.contains(d.field().voucherId() + "/" + d.field().field())) {
                          continue;
                        }
                        for (KeyingTask k : d.settlement().losers()) {
                          errors.add(
                              Tuple.tuple(
                                  Arrays.asList(
                                      k.id(),
                                      k.voucherId(),
                                      k.field(),
                                      k.keyedBy(),
                                      k.value(),
                                      d.settlement().finalValue())));
                        }
                      }
                      if (errors.isEmpty()) {
                        return Uni.createFrom().item(settled);
                      }
                      return tx.preparedQuery(
                              "insert into keying_error (keying_task_id, voucher_id, field_name,"
                                  + " keyer_id, keyed_value, final_value)"
                                  + " values ($1, $2, $3, $4, $5, $6) on conflict do nothing")
                          .executeBatch(errors)
                          .replaceWith(settled);
                    }));
  }

  /** How many of the voucher's keyed fields have no final value yet. */
  public Uni<Long> fieldsOpen(UUID voucherId) {
    return fieldsOpen(Set.of(voucherId)).map(open -> open.getOrDefault(voucherId, 0L));
  }

  /** How many keyed fields each voucher has without a final value (vouchers with none left out). */
  public Uni<Map<UUID, Long>> fieldsOpen(Set<UUID> voucherIds) {
    return pool.preparedQuery(
            "select voucher_id, count(*) as open from voucher_field where voucher_id = any($1)"
                + " and final_value is null and lower(entry_mode) in ('slice', 'whole')"
                + " and state <> 'UNREADABLE' group by voucher_id")
        .execute(Tuple.of(voucherIds.toArray(UUID[]::new)))
        .map(
            rows -> {
              Map<UUID, Long> out = new HashMap<>();
              for (Row r : rows) {
                out.put(r.getUUID("voucher_id"), r.getLong("open"));
              }
              return out;
            });
  }

  /** Every final value of the voucher's fields, by field name. */
  public Uni<Map<String, Object>> finalValues(UUID voucherId) {
    return pool.preparedQuery(
            "select name, final_value from voucher_field where voucher_id = $1"
                + " and final_value is not null order by name")
        .execute(Tuple.of(voucherId))
        .map(
            rows -> {
              Map<String, Object> out = new LinkedHashMap<>();
              for (Row r : rows) {
                out.put(r.getString("name"), r.getString("final_value"));
              }
              return out;
            });
  }

  static KeyingTask task(Row r) {
    return new KeyingTask(
        r.getUUID("id"),
        r.getUUID("voucher_id"),
        r.getString("field_name"),
        r.getUUID("case_task_id"),
        r.getString("post_code"),
        r.getString("skill"),
        KeyingKind.valueOf(r.getString("kind")),
        r.getShort("key_no"),
        "SLICE".equals(r.getString("entry_mode")),
        r.getLong("priority"),
        r.getString("body"),
        KeyingState.valueOf(r.getString("state")),
        r.getLong("leased_by"),
        r.getString("keyed_value"));
  }

  static FieldKind kind(String json) {
    try {
      return FieldKind.valueOf(json.toUpperCase(Locale.ROOT));
    } catch (RuntimeException unknown) {
      return FieldKind.TEXT;
    }
  }
}
