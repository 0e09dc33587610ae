package io.voucherflow.capture.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.voucherflow.capture.VoucherField;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The fields of processed vouchers. */
@ApplicationScoped
public class VoucherFieldRepository
    implements PanacheRepositoryBase<VoucherField, VoucherField.Key> {

  public Uni<List<VoucherField>> of(UUID voucherId) {
    return list("voucherId", Sort.by("name"), voucherId);
  }

  public Uni<VoucherField> find(UUID voucherId, String name) {
    return find("voucherId = ?1 and name = ?2", voucherId, name).firstResult();
  }
}
