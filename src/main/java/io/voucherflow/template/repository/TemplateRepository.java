package io.voucherflow.template.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.voucherflow.template.VoucherTemplate;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Template versions in PostgreSQL. */
@ApplicationScoped
public class TemplateRepository implements PanacheRepositoryBase<VoucherTemplate, Long> {

  public Uni<VoucherTemplate> latest(String code) {
    return find("code = ?1 order by version desc", code).firstResult();
  }

  public Uni<VoucherTemplate> version(String code, int version) {
    return find("code = ?1 and version = ?2", code, version).firstResult();
  }

  /** The newest version of every template, by code. */
  public Uni<List<VoucherTemplate>> latestOfEach() {
    return list(
        "from VoucherTemplate t where t.version ="
            + " (select max(v.version) from VoucherTemplate v where v.code = t.code) order by t.code");
  }

  /** Serialises version numbering of one template code until the transaction ends. */
  public Uni<Void> lockCode(String code) {
    return getSession()
        .flatMap(
            s ->
                s.createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtext(:code))) l")
                    .setParameter("code", "voucher_template:" + code)
                    .getSingleResult())
        .replaceWithVoid();
  }
}
