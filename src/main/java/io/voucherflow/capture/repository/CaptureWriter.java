package io.voucherflow.capture.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.audit.service.SqlAuditAppender;
import io.voucherflow.audit.service.SqlAuditAppender.Actor;
import io.voucherflow.audit.service.SqlAuditAppender.Change;
import io.voucherflow.capture.CaptureReceipt;
import io.voucherflow.capture.Voucher;
import io.voucherflow.capture.VoucherState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Records an accepted voucher and its audit entry in one transaction with the SQL client: capture
 * is the platform's hottest write, and a Hibernate session per upload cost more than the insert.
 */
@ApplicationScoped
public class CaptureWriter {

  // A retry with the same requestId (or two racing) inserts nothing and reads the first voucher.
  private static final String INSERT =
      "insert into voucher (id, request_id, teller, branch_unit_id, business_type,"
          + " declared_amount, currency, state, original_sha256, original_format, back_sha256,"
          + " accepted_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)"
          + " on conflict (teller, request_id) do nothing";
  private static final String FIND =
      "select id, state from voucher where teller = $1 and request_id = $2";

  private final Pool pool;

  @Inject
  public CaptureWriter(Pool pool) {
    this.pool = pool;
  }

  /**
   * Inserts the voucher and appends {@code audit}, or, when the teller already sent this requestId,
   * answers the first voucher as a duplicate and writes nothing.
   */
  public Uni<CaptureReceipt> insert(Voucher v, Change audit, Actor actor) {
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(INSERT)
                .execute(row(v))
                .chain(
                    inserted ->
                        inserted.rowCount() == 1
                            ? SqlAuditAppender.append(tx, List.of(audit), actor)
                                .replaceWith(receipt(v.id, v.state, false))
                            : existing(tx, v.teller, v.requestId)));
  }

  private static Uni<CaptureReceipt> existing(SqlConnection tx, String teller, String requestId) {
    return tx.preparedQuery(FIND)
        .execute(Tuple.of(teller, requestId))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              return receipt(row.getUUID("id"), VoucherState.valueOf(row.getString("state")), true);
            });
  }

  private static Tuple row(Voucher v) {
    return Tuple.tuple(
        Arrays.asList(
            v.id,
            v.requestId,
            v.teller,
            v.branchUnitId,
            v.businessType,
            v.declaredAmount,
            v.currency,
            v.state.name(),
            v.originalSha256,
            v.originalFormat,
            v.backSha256,
            v.acceptedAt.atOffset(ZoneOffset.UTC)));
  }

  private static CaptureReceipt receipt(UUID id, VoucherState state, boolean duplicate) {
    return new CaptureReceipt(id, state, "/api/vouchers/" + id, duplicate);
  }
}
