package io.voucherflow.audit.service;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.audit.AuditChain;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Records state changes in the audit trail inside the caller's SQL transaction (the reactive SQL
 * client's, not Hibernate's): the platform's own (the pipeline's, in batches) and those of hot
 * request paths such as capture. The entries commit with the change; {@link AuditSealer} then
 * chains them.
 */
public final class SqlAuditAppender {

  static final String INSERT =
      "insert into audit_pending (occurred_at, actor, actor_roles, source_ip, user_agent,"
          + " action, entity_type, entity_id, details) values ($1, $2, $3, $4, $5, $6, $7, $8, $9)";

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

  /** Records the changes, made by {@code actor}, in the caller's transaction. */
  public static Uni<Void> append(SqlConnection tx, List<Change> changes, Actor actor) {
    if (changes.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    Instant now = AuditChain.truncate(Instant.now());
    List<Tuple> rows = new ArrayList<>(changes.size());
    for (Change c : changes) {
      rows.add(
          Tuple.tuple(
              Arrays.asList(
                  now.atOffset(ZoneOffset.UTC),
                  actor.name(),
                  actor.roles(),
                  actor.sourceIp(),
                  actor.userAgent(),
                  c.action(),
                  c.entityType(),
                  c.entityId(),
                  AuditService.toJson(c.details()))));
    }
    return tx.preparedQuery(INSERT).executeBatch(rows).replaceWithVoid();
  }
}
