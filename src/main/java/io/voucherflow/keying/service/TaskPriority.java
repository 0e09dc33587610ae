package io.voucherflow.keying.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.keying.config.KeyingConfig;
import io.voucherflow.rules.RuleKind;
import io.voucherflow.rules.RuleOutcome;
import io.voucherflow.rules.service.RuleBook;
import io.voucherflow.rules.service.VoucherFactsService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;

/**
 * A voucher's queue priority from the PRIORITY_SCORE rule in force. The shipped rule scores minus
 * the effective deadline in minutes; the queues order by the deadline in epoch milliseconds, lower
 * sooner. A rule that cannot decide scores 0, which puts the task first rather than last.
 */
@ApplicationScoped
public class TaskPriority {

  private final VoucherFactsService facts;
  private final RuleBook rules;
  private final KeyingConfig config;

  @Inject
  public TaskPriority(VoucherFactsService facts, RuleBook rules, KeyingConfig config) {
    this.facts = facts;
    this.rules = rules;
    this.config = config;
  }

  public Uni<Long> of(UUID voucherId) {
    return facts
        .of(voucherId)
        .map(
            f -> {
              RuleOutcome o = rules.decide(config.priorityRule(), RuleKind.PRIORITY_SCORE, f);
              return o.value() instanceof Number n ? -Math.round(n.doubleValue() * 60_000) : 0L;
            })
        .onFailure()
        .recoverWithItem(0L);
  }
}
