package io.voucherflow.organization.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.voucherflow.organization.OrgUnit;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Organisation units in PostgreSQL. */
@ApplicationScoped
public class OrgUnitRepository implements PanacheRepositoryBase<OrgUnit, Long> {

  public Uni<OrgUnit> findByCode(String code) {
    return find("code", code).firstResult();
  }

  public Uni<List<OrgUnit>> listOrdered() {
    return listAll(Sort.by("code"));
  }
}
