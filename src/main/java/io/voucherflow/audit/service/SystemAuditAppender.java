package io.voucherflow.audit.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.audit.AuditChain;
import io.voucherflow.audit.AuditEntry;
import io.voucherflow.audit.repository.AuditRepository;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Appends the platform's own state changes (the pipeline's, in batches) to the audit trail inside
 * the caller's SQL transaction, chained exactly like {@link AuditService} entries.
 */
public final class SystemAuditAppender {

  private static final String INSERT =
      "insert into audit_entry (seq, occurred_at, actor, actor_roles, source_ip,"
          + " user_agent, action, entity_type, entity_id, details, prev_hash, hash)"
          + " values ($1, $2, $3, '', null, null, $4, $5, $6, $7, $8, $9)";

  private SystemAuditAppender() {}

  /** One change made by the platform itself. */
  public record Change(String action, String entityType, String entityId, Map<String, ?> details) {}

  public static Uni<Void> append(SqlConnection tx, List<Change> changes) {
    if (changes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    return tx.query(
            "select count(*) from (select pg_advisory_xact_lock("
                + AuditRepository.CHAIN_LOCK
                + ")) l")
        .execute()
        .chain(
            () -> tx.query("select seq, hash from audit_entry order by seq desc limit 1").execute())
        .chain(last -> tx.preparedQuery(INSERT).executeBatch(rows(last, changes)))
        .replaceWithVoid();
  }

  private static List<Tuple> rows(RowSet<Row> last, List<Change> changes) {
    long seq = 0;
    String prev = AuditChain.GENESIS;
    if (last.iterator().hasNext()) {
      Row row = last.iterator().next();
      seq = row.getLong("seq");
      prev = row.getString("hash");
    }
    Instant now = AuditChain.truncate(Instant.now());
    List<Tuple> tuples = new ArrayList<>(changes.size());
    for (Change c : changes) {
      AuditEntry e = new AuditEntry();
      e.seq = ++seq;
      e.occurredAt = now;
      e.actor = AuditService.SYSTEM_ACTOR;
      e.actorRoles = "";
      e.action = c.action();
      e.entityType = c.entityType();
      e.entityId = c.entityId();
      e.details = AuditService.toJson(c.details());
      e.prevHash = prev;
      e.hash = AuditChain.hashOf(e);
      prev = e.hash;
      tuples.add(
          Tuple.tuple(
              List.of(
                  e.seq,
                  now.atOffset(ZoneOffset.UTC),
                  e.actor,
                  e.action,
                  e.entityType,
                  e.entityId,
                  e.details,
                  e.prevHash,
                  e.hash)));
    }
    return tuples;
  }
}
