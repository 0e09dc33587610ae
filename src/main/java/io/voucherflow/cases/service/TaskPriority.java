package io.voucherflow.cases.service;

import io.voucherflow.cases.config.CasesConfig;
import io.voucherflow.rules.RuleKind;
import io.voucherflow.rules.RuleOutcome;
import io.voucherflow.rules.service.RuleBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Scores a human task once, when it is queued, by the priority rule in force ({@code
 * vf.cases.priority-rule}). The shipped rule scores minus the case's deadline, which the clock
 * never moves, so the score is stored with the task and no queue is ever re-scored.
 */
@ApplicationScoped
public class TaskPriority {

  private static final Logger LOG = Logger.getLogger(TaskPriority.class);

  private final RuleBook rules;
  private final CasesConfig config;

  @Inject
  public TaskPriority(RuleBook rules, CasesConfig config) {
    this.rules = rules;
    this.config = config;
  }

  /** The score of a task of the case with these facts; higher is served first. */
  public long score(Map<String, Object> facts) {
    RuleOutcome outcome = rules.decide(config.priorityRule(), RuleKind.PRIORITY_SCORE, facts);
    if (outcome.failedSafe()) {
      LOG.debugf(
          "Priority %s fell back on its fail-safe score: %s", outcome.code(), outcome.failure());
    }
    return outcome.value() instanceof Number n ? Math.round(n.doubleValue()) : 0L;
  }
}
