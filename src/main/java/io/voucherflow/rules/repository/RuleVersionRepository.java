package io.voucherflow.rules.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.voucherflow.rules.RuleVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Saved rule versions in PostgreSQL; inserted, never changed. */
@ApplicationScoped
public class RuleVersionRepository implements PanacheRepositoryBase<RuleVersion, Long> {

  /** Every version of a rule, oldest first. */
  public Uni<List<RuleVersion>> of(long ruleId) {
    return list("ruleId", Sort.by("version"), ruleId);
  }

  public Uni<RuleVersion> find(long ruleId, int version) {
    return find("ruleId = ?1 and version = ?2", ruleId, version).firstResult();
  }

  /** Per rule, the version a list shows: the active one, or the latest before any activation. */
  public Uni<List<RuleVersion>> shown() {
    return list(
        "from RuleVersion v where v.version = (select coalesce(r.activeVersion, r.latestVersion)"
            + " from RuleDefinition r where r.id = v.ruleId)");
  }
}
