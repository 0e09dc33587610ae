package io.voucherflow.cases.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.cases.CaseInstance;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.StaleCaseException;
import io.voucherflow.cases.StepPlan;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Writes engine steps: each plan in one transaction that begins by moving the case's version on
 * from the version the plan was made from (optimistic locking).
 */
@ApplicationScoped
public class CaseWriter {

  private static final String BUMP =
      "update case_instance set version = version + 1, updated_at = now(),"
          + " state = coalesce($3, state), ended_at = case when $3 is null then ended_at else now() end"
          + " where id = $1 and version = $2";
  private static final String COMPLETE =
      "update case_task set state = 'DONE', completed_by = $2, completed_at = now(), outcome = $3,"
          + " \"values\" = $4::text::jsonb, claimed_by = coalesce(claimed_by, $2),"
          + " claimed_at = coalesce(claimed_at, now())"
          + " where id = $1 and state in ('OPEN', 'CLAIMED') and (claimed_by is null or claimed_by = $2)";
  private static final String INSERT_TASK =
      "insert into case_task (id, case_id, token_id, step, process_code, process_version, node_id,"
          + " kind, post_code, state, due_at, priority)"
          + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'OPEN', $10, $11)";
  private static final String ESCALATE =
      "update case_task set escalated_at = now(), priority = priority + $2"
          + " where id = $1 and state in ('OPEN', 'CLAIMED') and escalated_at is null";
  // One statement for all of a step's side effects, in order (the relay delivers by id).
  private static final String INSERT_OUTBOX_ROWS =
      "insert into case_outbox (case_id, token_id, step, kind, payload)"
          + " select $1, u.token, u.step, u.kind, u.payload::jsonb"
          + " from unnest($2::uuid[], $3::int[], $4::text[], $5::text[]) with ordinality"
          + " as u(token, step, kind, payload, n) order by u.n";
  private static final String WITHDRAW =
      "update case_task set state = 'WITHDRAWN' where case_id = $1 and state in ('OPEN', 'CLAIMED')";

  private final Pool pool;
  private final CaseRows mapping;
  private final CaseJson json;

  @Inject
  public CaseWriter(Pool pool, ObjectMapper mapper) {
    this.pool = pool;
    this.mapping = new CaseRows(mapper);
    this.json = mapping.json();
  }

  /** Applies the plan, or fails with {@link StaleCaseException} having written nothing. */
  public Uni<Void> apply(StepPlan plan) {
    CaseInstance c = plan.caseInstance();
    String end = plan.endState() == null ? null : plan.endState().name();
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(BUMP)
                .execute(Tuple.of(c.id(), c.version(), end))
                .invoke(
                    rows -> {
                      if (rows.rowCount() != 1) {
                        throw new StaleCaseException("case " + c.id() + " moved on");
                      }
                    })
                .chain(() -> completion(tx, plan))
                .chain(() -> escalation(tx, plan))
                .chain(
                    () ->
                        plan.tokens().isEmpty()
                            ? Uni.createFrom().voidItem()
                            : tx.preparedQuery(CaseRows.UPSERT_TOKEN_ROWS)
                                .execute(mapping.tokenRows(c.id(), plan.tokens()))
                                .replaceWithVoid())
                .chain(
                    () ->
                        batch(
                            tx, INSERT_TASK, plan.tasks().stream().map(CaseWriter::task).toList()))
                .chain(
                    () ->
                        plan.history().isEmpty()
                            ? Uni.createFrom().voidItem()
                            : tx.preparedQuery(CaseRows.INSERT_HISTORY_ROWS)
                                .execute(mapping.historyRows(c.id(), plan.history()))
                                .replaceWithVoid())
                .chain(
                    () ->
                        plan.outboxes().isEmpty()
                            ? Uni.createFrom().voidItem()
                            : tx.preparedQuery(INSERT_OUTBOX_ROWS)
                                .execute(outboxRows(c.id(), plan.outboxes()))
                                .replaceWithVoid())
                .chain(
                    () ->
                        end == null
                            ? Uni.createFrom().voidItem()
                            : tx.preparedQuery(WITHDRAW)
                                .execute(Tuple.of(c.id()))
                                .replaceWithVoid()));
  }

  /** Claims an open task; false when it is not open any more. */
  public Uni<Boolean> claim(UUID taskId, String actor) {
    return pool.preparedQuery(
            "update case_task set state = 'CLAIMED', claimed_by = $2, claimed_at = now()"
                + " where id = $1 and state = 'OPEN'")
        .execute(Tuple.of(taskId, actor))
        .map(rows -> rows.rowCount() == 1);
  }

  private static Uni<Void> escalation(SqlConnection tx, StepPlan plan) {
    StepPlan.Escalation up = plan.escalation();
    if (up == null) {
      return Uni.createFrom().voidItem();
    }
    return tx.preparedQuery(ESCALATE)
        .execute(Tuple.of(up.taskId(), up.raiseBy()))
        .invoke(
            rows -> {
              if (rows.rowCount() != 1) {
                throw new StaleCaseException("task " + up.taskId() + " is not open any more");
              }
            })
        .replaceWithVoid();
  }

  private Uni<Void> completion(SqlConnection tx, StepPlan plan) {
    StepPlan.Completion done = plan.completion();
    if (done == null) {
      return Uni.createFrom().voidItem();
    }
    return tx.preparedQuery(COMPLETE)
        .execute(Tuple.of(done.taskId(), done.actor(), done.outcome(), json.write(done.values())))
        .invoke(
            rows -> {
              if (rows.rowCount() != 1) {
                throw new StaleCaseException("task " + done.taskId() + " is not open any more");
              }
            })
        .replaceWithVoid();
  }

  private static Uni<Void> batch(SqlConnection tx, String sql, List<Tuple> rows) {
    return rows.isEmpty()
        ? Uni.createFrom().voidItem()
        : tx.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
  }

  private static Tuple task(CaseTask t) {
    return Tuple.tuple(
        Arrays.asList(
            t.id(),
            t.caseId(),
            t.tokenId(),
            t.step(),
            t.process(),
            t.processVersion(),
            t.node(),
            t.kind(),
            t.post(),
            utc(t.dueAt()),
            t.priority()));
  }

  private Tuple outboxRows(UUID caseId, List<StepPlan.Outbox> effects) {
    int n = effects.size();
    UUID[] token = new UUID[n];
    Integer[] step = new Integer[n];
    String[] kind = new String[n];
    String[] payload = new String[n];
    for (int i = 0; i < n; i++) {
      StepPlan.Outbox o = effects.get(i);
      token[i] = o.tokenId();
      step[i] = o.step();
      kind[i] = o.kind();
      payload[i] = json.write(o.payload());
    }
    return Tuple.tuple(Arrays.asList(caseId, token, step, kind, payload));
  }

  private static OffsetDateTime utc(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }
}
