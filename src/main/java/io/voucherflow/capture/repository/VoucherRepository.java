package io.voucherflow.capture.repository;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import io.voucherflow.capture.Voucher;
import io.voucherflow.capture.VoucherState;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Vouchers in PostgreSQL. */
@ApplicationScoped
public class VoucherRepository implements PanacheRepositoryBase<Voucher, UUID> {

  public Uni<Voucher> findByRequest(String teller, String requestId) {
    return find("teller = ?1 and requestId = ?2", teller, requestId).firstResult();
  }

  /** Vouchers accepted before {@code before} that the pipeline has not finished, oldest first. */
  public Uni<List<Voucher>> unfinished(Instant before, int limit) {
    return find(
            "state = ?1 and acceptedAt < ?2", Sort.by("acceptedAt"), VoucherState.ACCEPTED, before)
        .page(Page.ofSize(limit))
        .list();
  }
}
