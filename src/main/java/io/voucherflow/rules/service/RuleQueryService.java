package io.voucherflow.rules.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.rules.RuleDefinition;
import io.voucherflow.rules.RuleSummary;
import io.voucherflow.rules.RuleVersion;
import io.voucherflow.rules.RuleView;
import io.voucherflow.rules.repository.RuleRepository;
import io.voucherflow.rules.repository.RuleVersionRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Reads rules and their versions as stored (not what a node's rule book holds). */
@ApplicationScoped
public class RuleQueryService {

  /** A saved version together with the rule it belongs to. */
  public record SavedVersion(RuleDefinition rule, RuleVersion version) {}

  private final RuleRepository rules;
  private final RuleVersionRepository versions;

  @Inject
  public RuleQueryService(RuleRepository rules, RuleVersionRepository versions) {
    this.rules = rules;
    this.versions = versions;
  }

  @WithSession
  public Uni<List<RuleSummary>> list() {
    return rules
        .listOrdered()
        .chain(
            all ->
                versions
                    .shown()
                    .map(
                        shown -> {
                          Map<Long, RuleVersion> byRule =
                              shown.stream()
                                  .collect(Collectors.toMap(v -> v.ruleId, Function.identity()));
                          return all.stream()
                              .map(
                                  r ->
                                      new RuleSummary(
                                          r.id,
                                          r.code,
                                          r.kind,
                                          byRule.get(r.id).name,
                                          r.activeVersion,
                                          r.latestVersion,
                                          r.activatedAt,
                                          r.activatedBy))
                              .toList();
                        }));
  }

  @WithSession
  public Uni<RuleView> get(String code) {
    return require(rules.findByCode(code), code)
        .chain(rule -> versions.of(rule.id).map(all -> view(rule, all)));
  }

  /**
   * A saved version of the rule with this code or id: {@code version}, else the active one, else
   * the latest.
   */
  @WithSession
  public Uni<SavedVersion> version(String code, Long id, Integer version) {
    Uni<RuleDefinition> rule =
        code != null
            ? require(rules.findByCode(code), code)
            : require(rules.findById(id), "with id " + id);
    return rule.chain(
        r -> {
          int wanted =
              version != null
                  ? version
                  : Objects.requireNonNullElse(r.activeVersion, r.latestVersion);
          return versions
              .find(r.id, wanted)
              .onItem()
              .ifNull()
              .failWith(
                  () ->
                      new NotFoundException(
                          "rules.version-not-found",
                          "Rule " + r.code + " has no version " + wanted))
              .map(v -> new SavedVersion(r, v));
        });
  }

  private static Uni<RuleDefinition> require(Uni<RuleDefinition> rule, String what) {
    return rule.onItem()
        .ifNull()
        .failWith(() -> new NotFoundException("rules.not-found", "No rule " + what));
  }

  private static RuleView view(RuleDefinition r, List<RuleVersion> all) {
    RuleVersion shown =
        all.stream()
            .filter(v -> v.version == Objects.requireNonNullElse(r.activeVersion, r.latestVersion))
            .findFirst()
            .orElse(all.getLast());
    return new RuleView(
        r.id,
        r.code,
        r.kind,
        shown.name,
        shown.description,
        r.activeVersion,
        r.latestVersion,
        r.activatedAt,
        r.activatedBy,
        r.createdAt,
        r.createdBy,
        all.stream()
            .map(
                v ->
                    new RuleView.Version(
                        v.version,
                        v.name,
                        v.description,
                        v.expression,
                        List.of(v.factsRead),
                        Objects.equals(r.activeVersion, v.version),
                        v.createdAt,
                        v.createdBy))
            .toList());
  }
}
