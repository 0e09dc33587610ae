package io.voucherflow.rules.config;

import io.voucherflow.rules.CutoffCalendar;
import io.voucherflow.rules.RuleCompiler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;

/** The rules feature's library beans. */
@ApplicationScoped
public class RulesBeans {

  /** One compiler for the application: it is thread-safe and costly to build. */
  @Produces
  @Singleton
  RuleCompiler ruleCompiler() {
    return new RuleCompiler();
  }

  /** The payment systems' cut-off calendar, as configured under {@code vf.rules}. */
  @Produces
  @Singleton
  CutoffCalendar cutoffCalendar(RulesConfig config) {
    return new CutoffCalendar(
        config.zone(),
        config.cutoff(),
        config.cutoffByType(),
        new HashSet<>(config.openDays()),
        new HashSet<>(config.closedDates().orElse(List.of())),
        new HashSet<>(config.openDates().orElse(List.of())));
  }
}
