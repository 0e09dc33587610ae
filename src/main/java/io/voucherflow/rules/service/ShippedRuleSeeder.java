package io.voucherflow.rules.service;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.rules.ShippedRules;
import io.voucherflow.rules.ShippedRules.ShippedRule;
import io.voucherflow.rules.config.RulesConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Creates and activates each shipped default rule whose code does not exist yet, in every profile:
 * the process engine asks for these codes. A rule an administrator has changed is left alone.
 */
@ApplicationScoped
public class ShippedRuleSeeder {

  private static final Logger LOG = Logger.getLogger(ShippedRuleSeeder.class);

  private final RulesConfig config;
  private final RuleService rules;
  private final RuleActivationService activation;
  private final RuleQueryService queries;

  @Inject
  public ShippedRuleSeeder(
      RulesConfig config,
      RuleService rules,
      RuleActivationService activation,
      RuleQueryService queries) {
    this.config = config;
    this.rules = rules;
    this.activation = activation;
    this.queries = queries;
  }

  // After the demo bank (2500), before the rule book loads (RuleBookSync, 2800).
  void onStart(@Observes @Priority(2700) StartupEvent event) {
    if (!config.seed()) {
      return;
    }
    // The platform itself is the actor (Caller answers "system" outside an HTTP request).
    ManagedContext request = Arc.container().requestContext();
    request.activate();
    try {
      for (ShippedRule rule : ShippedRules.all()) {
        seed(rule);
      }
    } catch (Throwable e) {
      throw new IllegalStateException("Could not seed the shipped rules", e);
    } finally {
      request.terminate();
    }
  }

  private void seed(ShippedRule r) throws Throwable {
    if (exists(r.code())) {
      return;
    }
    try {
      VertxContextSupport.subscribeAndAwait(
          () ->
              rules
                  .create(r.code(), r.kind(), r.name(), r.description(), r.expression())
                  .chain(() -> activation.activate(r.code(), 1)));
      LOG.infof("Seeded rule %s (%s)", r.code(), r.name());
    } catch (RuleViolationException taken) {
      // Another node seeded it between our check and our insert.
      LOG.debugf("Rule %s was seeded by another node", r.code());
    }
  }

  private boolean exists(String code) throws Throwable {
    try {
      VertxContextSupport.subscribeAndAwait(() -> queries.get(code));
      return true;
    } catch (NotFoundException absent) {
      return false;
    }
  }
}
