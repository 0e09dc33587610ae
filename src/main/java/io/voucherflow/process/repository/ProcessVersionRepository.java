package io.voucherflow.process.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.voucherflow.process.ProcessVersion;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Process versions in PostgreSQL. */
@ApplicationScoped
public class ProcessVersionRepository implements PanacheRepositoryBase<ProcessVersion, Long> {

  public Uni<ProcessVersion> latest(String code) {
    return find("code = ?1 order by version desc", code).firstResult();
  }

  public Uni<ProcessVersion> version(String code, int version) {
    return find("code = ?1 and version = ?2", code, version).firstResult();
  }

  /** Every version of a process, oldest first. */
  public Uni<List<ProcessVersion>> versions(String code) {
    return list("code = ?1 order by version", code);
  }

  /** The newest version of every process, by code. */
  public Uni<List<ProcessVersion>> latestOfEach() {
    return list(
        "from ProcessVersion p where p.version ="
            + " (select max(v.version) from ProcessVersion v where v.code = p.code) order by p.code");
  }

  /** The stored sub-process versions of these codes, as {@code CODE/version}. */
  public Uni<Set<String>> subProcessVersions(Collection<String> codes) {
    if (codes.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    return list("kind = 'subprocess' and code in ?1", codes)
        .map(rows -> rows.stream().map(r -> r.code + "/" + r.version).collect(Collectors.toSet()));
  }

  /** Serialises saves and activations of one process code until the transaction ends. */
  public Uni<Void> lockCode(String code) {
    return getSession()
        .flatMap(
            s ->
                s.createNativeQuery(
                        "select count(*) from (select pg_advisory_xact_lock(hashtext(:code))) l")
                    .setParameter("code", "process:" + code)
                    .getSingleResult())
        .replaceWithVoid();
  }
}
