package io.voucherflow.rules.config;

import io.voucherflow.rules.RuleCompiler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The rules feature's library beans. */
@ApplicationScoped
public class RulesBeans {

  /** One compiler for the application: it is thread-safe and costly to build. */
  @Produces
  @Singleton
  RuleCompiler ruleCompiler() {
    return new RuleCompiler();
  }
}
