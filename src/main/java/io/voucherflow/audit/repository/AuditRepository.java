package io.voucherflow.audit.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.AuditEntry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * Reads and appends audit entries; it never updates or deletes (the database refuses it anyway).
 */
@ApplicationScoped
public class AuditRepository implements PanacheRepositoryBase<AuditEntry, Long> {

  // Any constant works; it only has to be unique among the advisory locks VoucherFlow takes.
  public static final long CHAIN_LOCK = 0x564641554449L;

  /** Serialises appenders until the current transaction ends, so the chain never forks. */
  public Uni<Void> lockChain() {
    return getSession()
        .flatMap(
            s ->
                s.createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(" + CHAIN_LOCK + ")) l")
                    .getSingleResult())
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
