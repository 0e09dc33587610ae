package io.voucherflow.rules.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.rules.CutoffCalendar;
import io.voucherflow.rules.VoucherFacts;
import io.voucherflow.rules.config.RulesConfig;
import io.voucherflow.rules.repository.VoucherFactsRepository;
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

  private final VoucherFactsRepository sources;
  private final Clock clock;
  private final CutoffCalendar calendar;

  @Inject
  public VoucherFactsService(
      VoucherFactsRepository sources, RulesConfig config, CutoffCalendar calendar) {
    this.sources = sources;
    this.clock = Clock.system(config.zone());
    this.calendar = calendar;
  }

  /** The voucher's facts; only bank-wide roles reach rules, so no organisation scope applies. */
  public Uni<Map<String, Object>> of(UUID voucherId) {
    return sources
        .read(voucherId)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFoundException("voucher.not-found", "No voucher " + voucherId))
        .map(
            s ->
                VoucherFacts.of(
                    s.voucher(), s.fields(), s.branch(), ZonedDateTime.now(clock), calendar));
  }
}
