package io.voucherflow.rules.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.service.AuditService;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.rules.RuleDefinition;
import io.voucherflow.rules.RuleVersion;
import io.voucherflow.rules.RuleView;
import io.voucherflow.rules.repository.RuleChangeNotifier;
import io.voucherflow.rules.repository.RuleRepository;
import io.voucherflow.rules.repository.RuleVersionRepository;
import io.voucherflow.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * Puts saved rule versions in force: commits and audits the activation, then reloads it on this
 * node and announces it to every other.
 */
@ApplicationScoped
public class RuleActivationService {

  private static final Logger LOG = Logger.getLogger(RuleActivationService.class);

  private final RuleRepository rules;
  private final RuleVersionRepository versions;
  private final RuleQueryService queries;
  private final RuleBook book;
  private final RuleChangeNotifier notifier;
  private final AuditService audit;
  private final Caller caller;

  @Inject
  public RuleActivationService(
      RuleRepository rules,
      RuleVersionRepository versions,
      RuleQueryService queries,
      RuleBook book,
      RuleChangeNotifier notifier,
      AuditService audit,
      Caller caller) {
    this.rules = rules;
    this.versions = versions;
    this.queries = queries;
    this.book = book;
    this.notifier = notifier;
    this.audit = audit;
    this.caller = caller;
  }

  /**
   * Puts a saved version in force. Once committed, this node's rule book has it before the call
   * returns, and every other node is told to reload it; activating the version already in force
   * changes nothing and records nothing.
   */
  public Uni<RuleView> activate(String code, int version) {
    return Panache.withTransaction(
            () ->
                rules
                    .lockCode(code)
                    .chain(() -> require(code))
                    .chain(
                        rule ->
                            versions.find(rule.id, version).chain(v -> activate(rule, version, v))))
        .call(changed -> changed ? announce(code) : Uni.createFrom().voidItem())
        .chain(() -> queries.get(code));
  }

  private Uni<Boolean> activate(RuleDefinition rule, int version, RuleVersion v) {
    if (v == null) {
      throw new NotFoundException(
          "rules.version-not-found", "Rule " + rule.code + " has no version " + version);
    }
    if (Objects.equals(rule.activeVersion, v.version)) {
      return Uni.createFrom().item(false);
    }
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("version", v.version);
    details.put("expression", v.expression);
    if (rule.activeVersion != null) {
      details.put("previousVersion", rule.activeVersion);
    }
    return rules
        .nextActivationSeq()
        .chain(
            seq -> {
              rule.activeVersion = v.version;
              rule.activatedAt = Instant.now();
              rule.activatedBy = caller.username();
              rule.activationSeq = seq;
              return audit.record("rule.activated", "rule", rule.code, details);
            })
        .replaceWith(true);
  }

  /** This node first, so the caller reads its own change; then every node. */
  private Uni<Void> announce(String code) {
    return book.reload(code)
        .onFailure()
        .invoke(e -> LOG.warnf("Rule %s activated but not reloaded here yet: %s", code, e))
        .onFailure()
        .recoverWithNull()
        .chain(() -> notifier.publish(code))
        .onFailure()
        .invoke(
            e ->
                LOG.warnf(
                    "Rule %s activated but not announced (%s); other nodes apply it at their next"
                        + " safety reload",
                    code, e.getMessage()))
        .onFailure()
        .recoverWithNull();
  }

  private Uni<RuleDefinition> require(String code) {
    return rules
        .findByCode(code)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFoundException("rules.not-found", "No rule " + code));
  }
}
