package io.voucherflow.cases.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.cases.CaseHistory;
import io.voucherflow.cases.repository.CaseRepository;
import io.voucherflow.common.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/** A voucher's case history: every node entered and left, by whom or which rule, and why. */
@ApplicationScoped
public class CaseHistoryService {

  private final CaseRepository cases;

  @Inject
  public CaseHistoryService(CaseRepository cases) {
    this.cases = cases;
  }

  public Uni<CaseHistory> of(UUID voucherId) {
    return cases
        .findByVoucher(voucherId)
        .onItem()
        .ifNull()
        .failWith(
            () -> new NotFoundException("cases.case-not-found", "No case for voucher " + voucherId))
        .chain(
            c ->
                cases
                    .history(c.id())
                    .map(
                        entries ->
                            new CaseHistory(
                                c.id(),
                                c.voucherId(),
                                c.processCode(),
                                c.processVersion(),
                                c.state(),
                                entries)));
  }
}
