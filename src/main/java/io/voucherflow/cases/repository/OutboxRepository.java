package io.voucherflow.cases.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.audit.service.SqlAuditAppender;
import io.voucherflow.audit.service.SqlAuditAppender.Change;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The case outbox. Today's effects (task created for the dispatcher, case ended, core posting and
 * e-receipt requested) are audit-trail entries, written in the transaction that marks the row sent:
 * an effect and its mark commit together, so none runs twice. Effects outside PostgreSQL (issue
 * #5's Redis queues, the core system) will be idempotent per outbox id instead.
 */
@ApplicationScoped
public class OutboxRepository {

  private final Pool pool;

  @Inject
  public OutboxRepository(Pool pool) {
    this.pool = pool;
  }

  /** Runs up to {@code limit} pending effects, oldest first; answers how many ran. */
  public Uni<Integer> deliverPending(int limit) {
    return pool.withTransaction(
        tx ->
            tx.preparedQuery(
                    "select id, case_id, kind, payload::text as payload from case_outbox"
                        + " where sent_at is null order by id limit $1 for update skip locked")
                .execute(Tuple.of((long) limit))
                .chain(
                    rows -> {
                      List<Change> changes = new ArrayList<>();
                      List<Tuple> sent = new ArrayList<>();
                      for (Row r : rows) {
                        Map<String, Object> details =
                            new JsonObject(r.getString("payload")).getMap();
                        details.put("outboxId", r.getLong("id"));
                        changes.add(
                            new Change(
                                r.getString("kind"),
                                "case",
                                r.getUUID("case_id").toString(),
                                details));
                        sent.add(Tuple.of(r.getLong("id")));
                      }
                      if (sent.isEmpty()) {
                        return Uni.createFrom().item(0);
                      }
                      return SqlAuditAppender.append(tx, changes)
                          .chain(
                              () ->
                                  tx.preparedQuery(
                                          "update case_outbox set sent_at = now() where id = $1")
                                      .executeBatch(sent))
                          .replaceWith(sent.size());
                    }));
  }
}
