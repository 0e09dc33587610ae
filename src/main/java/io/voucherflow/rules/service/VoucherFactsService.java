package io.voucherflow.rules.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.voucherflow.capture.repository.VoucherFieldRepository;
import io.voucherflow.capture.repository.VoucherRepository;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.organization.repository.OrgUnitRepository;
import io.voucherflow.rules.CutoffCalendar;
import io.voucherflow.rules.VoucherFacts;
import io.voucherflow.rules.config.RulesConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;

/**
 * Builds rule facts from a stored voucher and its fields ({@link VoucherFacts}); {@code now.*} from
 * the clock at the operations centre, the cut-offs from the {@link CutoffCalendar}.
 */
@ApplicationScoped
public class VoucherFactsService {

  private final VoucherRepository vouchers;
  private final VoucherFieldRepository fields;
  private final OrgUnitRepository units;
  private final RulesConfig config;
  private final Clock clock;
  private final CutoffCalendar calendar;

  @Inject
  public VoucherFactsService(
      VoucherRepository vouchers,
      VoucherFieldRepository fields,
      OrgUnitRepository units,
      RulesConfig config,
      CutoffCalendar calendar) {
    this.vouchers = vouchers;
    this.fields = fields;
    this.units = units;
    this.config = config;
    this.clock = Clock.system(config.zone());
    this.calendar = calendar;
  }

  /** The voucher's facts; only bank-wide roles reach rules, so no organisation scope applies. */
  @WithSession
  public Uni<Map<String, Object>> of(UUID voucherId) {
    return vouchers
        .findById(voucherId)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFoundException("voucher.not-found", "No voucher " + voucherId))
        .chain(
            v ->
                fields
                    .of(voucherId)
                    .chain(
                        list ->
                            units
                                .findById(v.branchUnitId)
                                .map(
                                    branch ->
                                        VoucherFacts.of(
                                            v,
                                            list,
                                            branch == null ? null : branch.code,
                                            ZonedDateTime.now(clock),
                                            calendar))));
  }
}
