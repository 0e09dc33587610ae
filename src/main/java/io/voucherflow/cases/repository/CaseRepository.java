package io.voucherflow.cases.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.cases.CaseInstance;
import io.voucherflow.cases.CaseState;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.CaseToken;
import io.voucherflow.cases.HistoryEntry;
import io.voucherflow.cases.TaskState;
import io.voucherflow.cases.TokenState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** Reads cases, tokens, tasks and history (plain SQL: the engine's reads are few and hot). */
@ApplicationScoped
public class CaseRepository {

  private static final String CASE =
      "select id, voucher_id, business_type, process_code, process_version, state, version"
          + " from case_instance";
  private static final String TOKEN =
      "select id, case_id, stack::text as stack, process_code, process_version, node_id, scope,"
          + " state, step from case_token";
  private static final String TASK =
      "select t.id, t.case_id, c.voucher_id, t.token_id, t.step, t.process_code,"
          + " t.process_version, t.node_id, t.kind, t.post_code, t.state, t.due_at, t.created_at,"
          + " t.claimed_by, t.completed_by, t.outcome, t.\"values\"::text as vals, t.priority,"
          + " t.escalated_at"
          + " from case_task t join case_instance c on c.id = t.case_id";

  private final Pool pool;
  private final CaseJson json;

  @Inject
  public CaseRepository(Pool pool, ObjectMapper mapper) {
    this.pool = pool;
    this.json = new CaseJson(mapper);
  }

  public Uni<CaseInstance> find(UUID caseId) {
    return one(CASE + " where id = $1", Tuple.of(caseId), CaseRepository::caseOf);
  }

  public Uni<CaseInstance> findByVoucher(UUID voucherId) {
    return one(CASE + " where voucher_id = $1", Tuple.of(voucherId), CaseRepository::caseOf);
  }

  /** The tokens not yet ended, oldest first, so the engine works branches in a stable order. */
  public Uni<List<CaseToken>> liveTokens(UUID caseId) {
    return all(
        TOKEN + " where case_id = $1 and state <> 'ENDED' order by created_at, id",
        Tuple.of(caseId),
        this::tokenOf);
  }

  public Uni<CaseTask> task(UUID taskId) {
    return one(TASK + " where t.id = $1", Tuple.of(taskId), this::taskOf);
  }

  /** Open and claimed tasks of a post, highest priority first, then oldest first. */
  public Uni<List<CaseTask>> openTasks(String post, int limit) {
    return all(
        TASK
            + " where t.post_code = $1 and t.state in ('OPEN', 'CLAIMED')"
            + " order by t.priority desc, t.created_at, t.id limit $2",
        Tuple.of(post, (long) limit),
        this::taskOf);
  }

  public Uni<List<CaseTask>> tasksOf(UUID caseId) {
    return all(
        TASK + " where t.case_id = $1 order by t.created_at, t.id", Tuple.of(caseId), this::taskOf);
  }

  /** Open or claimed tasks past their due time and not escalated yet, longest overdue first. */
  public Uni<List<UUID>> overdueTasks(int limit) {
    return all(
        "select id from case_task where state in ('OPEN', 'CLAIMED') and escalated_at is null"
            + " and due_at < now() order by due_at limit $1",
        Tuple.of((long) limit),
        r -> r.getUUID("id"));
  }

  public Uni<List<HistoryEntry>> history(UUID caseId) {
    return all(
        "select token_id, seq, event, process_code, process_version, node_id, actor, rule_code,"
            + " rule_version, outcome, facts::text as facts, detail, occurred_at"
            + " from case_history where case_id = $1 order by id",
        Tuple.of(caseId),
        r ->
            new HistoryEntry(
                r.getUUID("token_id"),
                r.getInteger("seq"),
                r.getString("event"),
                r.getString("process_code"),
                r.getInteger("process_version"),
                r.getString("node_id"),
                r.getString("actor"),
                r.getString("rule_code"),
                r.getInteger("rule_version"),
                r.getString("outcome"),
                json.map(r.getString("facts")),
                r.getString("detail"),
                r.getOffsetDateTime("occurred_at").toInstant()));
  }

  /** The business type captured with a voucher; null when there is no such voucher. */
  public Uni<String> businessTypeOf(UUID voucherId) {
    return one(
        "select business_type from voucher where id = $1",
        Tuple.of(voucherId),
        r -> r.getString("business_type"));
  }

  /**
   * Vouchers the pipeline handed over whose case has not started, oldest first: the hand-over
   * queues them in its own transaction, so this finds every one, also after a crash.
   */
  public Uni<List<UUID>> vouchersWithoutCase(int limit) {
    return all(
        "select voucher_id from case_intake order by queued_at limit $1",
        Tuple.of((long) limit),
        r -> r.getUUID("voucher_id"));
  }

  /** Running cases with work the engine can do now: an active token (pending automatic work). */
  public Uni<List<UUID>> casesWithPendingWork(int limit) {
    return all(
        "select c.id from case_instance c where c.state = 'RUNNING' and exists"
            + " (select 1 from case_token t where t.case_id = c.id and t.state = 'ACTIVE')"
            + " order by c.updated_at limit $1",
        Tuple.of((long) limit),
        r -> r.getUUID("id"));
  }

  /** Cases waiting for a process to be bound to their business type. */
  public Uni<List<UUID>> casesWithoutProcess(int limit) {
    return all(
        "select id from case_instance where state = 'NO_PROCESS' order by updated_at limit $1",
        Tuple.of((long) limit),
        r -> r.getUUID("id"));
  }

  private static CaseInstance caseOf(Row r) {
    return new CaseInstance(
        r.getUUID("id"),
        r.getUUID("voucher_id"),
        r.getString("business_type"),
        r.getString("process_code"),
        r.getInteger("process_version"),
        CaseState.valueOf(r.getString("state")),
        r.getLong("version"));
  }

  private CaseToken tokenOf(Row r) {
    return new CaseToken(
        r.getUUID("id"),
        r.getUUID("case_id"),
        json.frames(r.getString("stack")),
        r.getString("process_code"),
        r.getInteger("process_version"),
        r.getString("node_id"),
        r.getString("scope"),
        TokenState.valueOf(r.getString("state")),
        r.getInteger("step"));
  }

  private CaseTask taskOf(Row r) {
    OffsetDateTime due = r.getOffsetDateTime("due_at");
    OffsetDateTime escalated = r.getOffsetDateTime("escalated_at");
    Map<String, Object> values = json.map(r.getString("vals"));
    return new CaseTask(
        r.getUUID("id"),
        r.getUUID("case_id"),
        r.getUUID("voucher_id"),
        r.getUUID("token_id"),
        r.getInteger("step"),
        r.getString("process_code"),
        r.getInteger("process_version"),
        r.getString("node_id"),
        r.getString("kind"),
        r.getString("post_code"),
        TaskState.valueOf(r.getString("state")),
        due == null ? null : due.toInstant(),
        r.getOffsetDateTime("created_at").toInstant(),
        r.getString("claimed_by"),
        r.getString("completed_by"),
        r.getString("outcome"),
        values,
        r.getLong("priority"),
        escalated == null ? null : escalated.toInstant());
  }

  private <T> Uni<T> one(String sql, Tuple args, Function<Row, T> mapper) {
    return pool.preparedQuery(sql)
        .execute(args)
        .map(rows -> rows.iterator().hasNext() ? mapper.apply(rows.iterator().next()) : null);
  }

  private <T> Uni<List<T>> all(String sql, Tuple args, Function<Row, T> mapper) {
    return pool.preparedQuery(sql).execute(args).map(rows -> list(rows, mapper));
  }

  private static <T> List<T> list(RowSet<Row> rows, Function<Row, T> mapper) {
    List<T> out = new ArrayList<>(rows.size());
    rows.forEach(r -> out.add(mapper.apply(r)));
    return out;
  }
}
