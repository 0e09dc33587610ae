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
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Appends state changes to the audit trail inside the caller's SQL transaction (the reactive SQL
 * client's, not Hibernate's), chained exactly like {@link AuditService} entries: the platform's own
 * (the pipeline's, in batches) and those of hot request paths such as capture.
 */
public final class SqlAuditAppender {

  private static final String INSERT =
      "insert into audit_entry (seq, occurred_at, actor, actor_roles, source_ip,"
          + " user_agent, action, entity_type, entity_id, details, prev_hash, hash)"
          + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)";

  private SqlAuditAppender() {}

  /** One change made by the platform itself. */
  public record Change(String action, String entityType, String entityId, Map<String, ?> details) {}

  /** Who made the changes, as the audit trail records a caller. */
  public record Actor(String name, String roles, String sourceIp, String userAgent) {

    /** The platform itself (scheduled jobs, pipeline stages). */
    public static final Actor SYSTEM = new Actor(AuditService.SYSTEM_ACTOR, "", null, null);
  }

  public static Uni<Void> append(SqlConnection tx, List<Change> changes) {
    return append(tx, changes, Actor.SYSTEM);
  }

  /**
   * Appends the changes, made by {@code actor}, in the caller's transaction. The chain lock is
   * taken here and held to commit: call it last in the transaction, so the lock is held briefly.
   */
  public static Uni<Void> append(SqlConnection tx, List<Change> changes, Actor actor) {
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
        .chain(last -> tx.preparedQuery(INSERT).executeBatch(rows(last, changes, actor)))
        .replaceWithVoid();
  }

  private static List<Tuple> rows(RowSet<Row> last, List<Change> changes, Actor actor) {
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
      e.actor = actor.name();
      e.actorRoles = actor.roles();
      e.sourceIp = actor.sourceIp();
      e.userAgent = actor.userAgent();
      e.action = c.action();
      e.entityType = c.entityType();
      e.entityId = c.entityId();
      e.details = AuditService.toJson(c.details());
      e.prevHash = prev;
      e.hash = AuditChain.hashOf(e);
      prev = e.hash;
      tuples.add(
          Tuple.tuple(
              Arrays.asList(
                  e.seq,
                  now.atOffset(ZoneOffset.UTC),
                  e.actor,
                  e.actorRoles,
                  e.sourceIp,
                  e.userAgent,
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
