package io.voucherflow.process.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import io.voucherflow.process.ProcessBinding;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;

/** Business types and the process versions they are bound to. */
@ApplicationScoped
public class ProcessBindingRepository implements PanacheRepositoryBase<ProcessBinding, String> {

  /** The bindings of these business types or to this process, whichever version. */
  public Uni<List<ProcessBinding>> touching(String processCode, Collection<String> businessTypes) {
    if (businessTypes.isEmpty()) {
      return list("processCode = ?1", processCode);
    }
    return list("processCode = ?1 or businessType in ?2", processCode, businessTypes);
  }
}
