package io.voucherflow.staff.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.voucherflow.staff.DutySession;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Duty sessions in PostgreSQL; at most one open session per member of staff (unique index). */
@ApplicationScoped
public class DutySessionRepository implements PanacheRepositoryBase<DutySession, Long> {

  public Uni<DutySession> openFor(long staffId) {
    return find("staffId = ?1 and signedOutAt is null", staffId).firstResult();
  }

  public Uni<List<DutySession>> openAt(String postCode) {
    return list("postCode = ?1 and signedOutAt is null", Sort.by("signedInAt"), postCode);
  }
}
