package io.voucherflow.cases.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.cases.CaseInstance;
import io.voucherflow.cases.CaseState;
import io.voucherflow.cases.CaseToken;
import io.voucherflow.cases.HistoryEntry;
import io.voucherflow.cases.TokenState;
import io.voucherflow.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Creates cases: one per voucher, its first token at the process's start. */
@ApplicationScoped
public class CaseStarts {

  private final Pool pool;
  private final CaseRows mapping;

  @Inject
  public CaseStarts(Pool pool, ObjectMapper mapper) {
    this.pool = pool;
    this.mapping = new CaseRows(mapper);
  }

  /**
   * Creates the voucher's case unless it has one, and answers the case id either way. With a
   * process, the first token is put at its start in the same transaction.
   */
  public Uni<UUID> create(
      UUID voucherId, String businessType, String process, Integer version, String start) {
    UUID id = UUID.randomUUID();
    String state = process == null ? CaseState.NO_PROCESS.name() : CaseState.RUNNING.name();
    return pool.withTransaction(
            tx ->
                tx.preparedQuery("delete from case_intake where voucher_id = $1")
                    .execute(Tuple.of(voucherId))
                    .chain(
                        () ->
                            tx.preparedQuery(
                                    "insert into case_instance (id, voucher_id, business_type, process_code,"
                                        + " process_version, state) values ($1, $2, $3, $4, $5, $6)"
                                        + " on conflict (voucher_id) do nothing")
                                .execute(
                                    Tuple.tuple(
                                        Arrays.asList(
                                            id, voucherId, businessType, process, version, state)))
                                .chain(
                                    rows ->
                                        rows.rowCount() == 1 && process != null
                                            ? firstToken(tx, id, process, version, start)
                                                .replaceWith(rows.rowCount())
                                            : Uni.createFrom().item(rows.rowCount()))))
        .chain(
            inserted ->
                inserted == 1
                    ? Uni.createFrom().item(id)
                    : pool.preparedQuery("select id from case_instance where voucher_id = $1")
                        .execute(Tuple.of(voucherId))
                        .map(r -> r.iterator().next().getUUID("id")));
  }

  /** Starts a NO_PROCESS case on the process now bound to its type; false when it moved on. */
  public Uni<Boolean> bind(CaseInstance c, String process, int version, String start) {
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(
                    "update case_instance set process_code = $3, process_version = $4,"
                        + " state = 'RUNNING', version = version + 1, updated_at = now()"
                        + " where id = $1 and version = $2 and state = 'NO_PROCESS'")
                .execute(Tuple.of(c.id(), c.version(), process, version))
                .chain(
                    rows ->
                        rows.rowCount() == 1
                            ? firstToken(tx, c.id(), process, version, start).replaceWith(true)
                            : Uni.createFrom().item(false)));
  }

  private Uni<Void> firstToken(
      SqlConnection tx, UUID caseId, String process, int version, String start) {
    CaseToken first =
        new CaseToken(
            UUID.randomUUID(),
            caseId,
            List.of(),
            process,
            version,
            start,
            "",
            TokenState.ACTIVE,
            0);
    HistoryEntry entered =
        new HistoryEntry(
            first.id(),
            0,
            "ENTERED",
            process,
            version,
            start,
            Caller.SYSTEM,
            null,
            null,
            null,
            null,
            "case started on " + process + "/" + version,
            null);
    return tx.preparedQuery(CaseRows.UPSERT_TOKEN)
        .execute(mapping.token(first))
        .chain(
            () ->
                tx.preparedQuery(CaseRows.INSERT_HISTORY).execute(mapping.history(caseId, entered)))
        .replaceWithVoid();
  }
}
