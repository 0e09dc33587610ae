package io.voucherflow.rules.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.voucherflow.rules.RuleDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Rules (code, kind, version pointers) in PostgreSQL. */
@ApplicationScoped
public class RuleRepository implements PanacheRepositoryBase<RuleDefinition, Long> {

  public Uni<RuleDefinition> findByCode(String code) {
    return find("code", code).firstResult();
  }

  public Uni<List<RuleDefinition>> listOrdered() {
    return listAll(Sort.by("code"));
  }

  /** The next value of the activation sequence; see V6__rules.sql for why it exists. */
  public Uni<Long> nextActivationSeq() {
    return getSession()
        .chain(
            s ->
                s.createNativeQuery("select nextval('rule_activation_seq')", Long.class)
                    .getSingleResult());
  }

  /**
   * Serialises changes to one rule code (a new version, an activation) until the transaction ends,
   * so version numbers and activation order cannot race between nodes.
   */
  public Uni<Void> lockCode(String code) {
    return getSession()
        .chain(
            s ->
                s.createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtext(:code))) l")
                    .setParameter("code", "rule:" + code)
                    .getSingleResult())
        .replaceWithVoid();
  }
}
