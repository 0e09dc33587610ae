package io.voucherflow.staff.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.staff.Staff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.List;

/** Staff in PostgreSQL. */
@ApplicationScoped
public class StaffRepository implements PanacheRepositoryBase<Staff, Long> {

  private static final String IDENTITY_BY_SUBJECT =
      "select id, username, subject, display_name, org_unit_id, active from staff where subject = $1";

  @Inject Pool pool;

  /**
   * The staff record bound to a token subject, read with the SQL client so hot request paths need
   * no Hibernate session. Detached, and only its identity is filled: id, username, subject, display
   * name, org unit and whether active (not skills or posts).
   */
  public Uni<Staff> findIdentityBySubject(String subject) {
    return pool.preparedQuery(IDENTITY_BY_SUBJECT)
        .execute(Tuple.of(subject))
        .map(
            rows -> {
              if (!rows.iterator().hasNext()) {
                return null;
              }
              Row row = rows.iterator().next();
              Staff s = new Staff();
              s.id = row.getLong("id");
              s.username = row.getString("username");
              s.subject = row.getString("subject");
              s.displayName = row.getString("display_name");
              s.orgUnitId = row.getLong("org_unit_id");
              s.active = row.getBoolean("active");
              return s;
            });
  }

  public Uni<Staff> findBySubject(String subject) {
    return find("subject", subject).firstResult();
  }

  public Uni<Staff> findByUsername(String username) {
    return find("username", username).firstResult();
  }

  public Uni<List<Staff>> listIn(Collection<Long> orgUnitIds) {
    return list("orgUnitId in ?1", Sort.by("username"), orgUnitIds);
  }

  public Uni<List<Staff>> listOrdered() {
    return listAll(Sort.by("username"));
  }
}
