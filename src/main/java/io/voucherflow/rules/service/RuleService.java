package io.voucherflow.rules.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.service.AuditService;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.rules.CompiledRule;
import io.voucherflow.rules.RuleCompiler;
import io.voucherflow.rules.RuleDefinition;
import io.voucherflow.rules.RuleKind;
import io.voucherflow.rules.RuleVersion;
import io.voucherflow.rules.RuleView;
import io.voucherflow.rules.repository.RuleRepository;
import io.voucherflow.rules.repository.RuleVersionRepository;
import io.voucherflow.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;

/**
 * Creates rules and saves new versions, compiled first: one that does not compile is refused. Each
 * change is audited in its transaction; none is in force before {@link RuleActivationService}.
 */
@ApplicationScoped
public class RuleService {

  private final RuleRepository rules;
  private final RuleVersionRepository versions;
  private final RuleQueryService queries;
  private final RuleCompiler compiler;
  private final AuditService audit;
  private final Caller caller;

  @Inject
  public RuleService(
      RuleRepository rules,
      RuleVersionRepository versions,
      RuleQueryService queries,
      RuleCompiler compiler,
      AuditService audit,
      Caller caller) {
    this.rules = rules;
    this.versions = versions;
    this.queries = queries;
    this.compiler = compiler;
    this.audit = audit;
    this.caller = caller;
  }

  /** A new rule with its first version, not yet active. */
  public Uni<RuleView> create(
      String code, RuleKind kind, String name, String description, String expression) {
    CompiledRule compiled = compiler.compile(expression, kind);
    return Panache.withTransaction(
            () ->
                rules
                    .lockCode(code)
                    .chain(() -> rules.findByCode(code))
                    .chain(
                        existing -> {
                          if (existing != null) {
                            throw new RuleViolationException(
                                "rules.code-taken", "A rule " + code + " already exists");
                          }
                          RuleDefinition rule = new RuleDefinition();
                          rule.code = code;
                          rule.kind = kind;
                          rule.latestVersion = 1;
                          rule.createdBy = caller.username();
                          return rules.persist(rule);
                        })
                    .call(rule -> saveVersion(rule, name, description, compiled))
                    .call(
                        rule ->
                            audit.record(
                                "rule.created",
                                "rule",
                                code,
                                Map.of(
                                    "kind",
                                    kind,
                                    "version",
                                    1,
                                    "name",
                                    name,
                                    "expression",
                                    expression))))
        .chain(() -> queries.get(code));
  }

  /**
   * The next version of a rule, not yet active. Name and description default to the latest
   * version's.
   */
  public Uni<RuleView> addVersion(String code, String name, String description, String expression) {
    return Panache.withTransaction(
            () ->
                rules
                    .lockCode(code)
                    .chain(() -> require(code))
                    .chain(
                        rule ->
                            versions
                                .find(rule.id, rule.latestVersion)
                                .chain(
                                    latest -> {
                                      CompiledRule compiled =
                                          compiler.compile(expression, rule.kind);
                                      rule.latestVersion++;
                                      return saveVersion(
                                          rule,
                                          name != null ? name : latest.name,
                                          description != null ? description : latest.description,
                                          compiled);
                                    }))
                    .call(
                        v ->
                            audit.record(
                                "rule.version-saved",
                                "rule",
                                code,
                                Map.of(
                                    "version",
                                    v.version,
                                    "name",
                                    v.name,
                                    "expression",
                                    v.expression))))
        .chain(() -> queries.get(code));
  }

  private Uni<RuleVersion> saveVersion(
      RuleDefinition rule, String name, String description, CompiledRule compiled) {
    RuleVersion v = new RuleVersion();
    v.ruleId = rule.id;
    v.version = rule.latestVersion;
    v.name = name;
    v.description = description;
    v.expression = compiled.expression();
    v.factsRead = compiled.factsRead().toArray(String[]::new);
    v.createdBy = caller.username();
    return versions.persist(v);
  }

  private Uni<RuleDefinition> require(String code) {
    return rules
        .findByCode(code)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFoundException("rules.not-found", "No rule " + code));
  }
}
