package io.voucherflow.audit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Reads and appends audit entries; it never updates or deletes (the database refuses it anyway).
 */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

  // Taken by the sealer alone. Any constant works; it only has to be unique among the advisory
  // locks VoucherFlow takes.
  public static final long CHAIN_LOCK = 0x564641554449L;

  /** Writes an entry pending sealing, in the session's transaction. */
  public Uni<Void> appendPending(AuditEntry e) {
    return getSession()
        .flatMap(
            s ->
                s.createNativeQuery(
                        "insert into audit_pending (occurred_at, actor, actor_roles, source_ip,"
                            + " user_agent, action, entity_type, entity_id, details)"
                            + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)")
                    .setParameter(1, e.occurredAt.atOffset(ZoneOffset.UTC))
                    .setParameter(2, e.actor)
                    .setParameter(3, e.actorRoles)
                    .setParameter(4, e.sourceIp)
                    .setParameter(5, e.userAgent)
                    .setParameter(6, e.action)
                    .setParameter(7, e.entityType)
                    .setParameter(8, e.entityId)
                    .setParameter(9, e.details)
                    .executeUpdate())
        .replaceWithVoid();
  }

  public Uni<AuditEntry> last() {
    return find("order by seq desc").firstResult();
  }

  /** Entries after {@code seq}, in chain order. */
  public Uni<List<AuditEntry>> after(long seq, int limit) {
    return find("seq > ?1", Sort.by("seq"), seq).page(Page.ofSize(limit)).list();
  }

  public Uni<List<AuditEntry>> search(String entityType, String entityId, String actor, int limit) {
    StringBuilder q = new StringBuilder("1 = 1");
    Parameters p = new Parameters();
    if (entityType != null) {
      q.append(" and entityType = :entityType");
      p.and("entityType", entityType);
    }
    if (entityId != null) {
      q.append(" and entityId = :entityId");
      p.and("entityId", entityId);
    }
    if (actor != null) {
      q.append(" and actor = :actor");
      p.and("actor", actor);
    }
    return find(q.toString(), Sort.descending("seq"), p).page(Page.ofSize(limit)).list();
  }
}
