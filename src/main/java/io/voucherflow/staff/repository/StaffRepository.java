package io.voucherflow.staff.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.voucherflow.staff.Staff;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Staff in PostgreSQL. */
@ApplicationScoped
public class StaffRepository implements PanacheRepositoryBase<Staff, Long> {

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
