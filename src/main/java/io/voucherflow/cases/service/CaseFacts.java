package io.voucherflow.cases.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.rules.service.VoucherFactsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The facts a case's rules see: the voucher's, plus what the platform does not record yet. */
@ApplicationScoped
public class CaseFacts {

  private final VoucherFactsService vouchers;

  @Inject
  public CaseFacts(VoucherFactsService vouchers) {
    this.vouchers = vouchers;
  }

  public Uni<Map<String, Object>> of(UUID voucherId) {
    return vouchers.of(voucherId).map(CaseFacts::withKnownAbsences);
  }

  /**
   * Facts that are absent because no feature records them yet, not because they are unknown for
   * this voucher: left out, every rule reading them would fall back to its fail-safe value on every
   * case (every seal checked both ways). There is no account or customer master yet, so no flags;
   * capture records no branch authorisation, so none was given.
   */
  static Map<String, Object> withKnownAbsences(Map<String, Object> facts) {
    Map<String, Object> out = new HashMap<>(facts);
    out.putIfAbsent("account.flags", List.of());
    out.putIfAbsent("customer.flags", List.of());
    out.putIfAbsent("voucher.branchAuthorised", Boolean.FALSE);
    return out;
  }
}
