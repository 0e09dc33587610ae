package io.voucherflow.rules.service;

import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.rules.ActiveRule;
import io.voucherflow.rules.RuleCompiler;
import io.voucherflow.rules.RuleEvaluationException;
import io.voucherflow.rules.RuleKind;
import io.voucherflow.rules.RuleOutcome;
import io.voucherflow.rules.repository.ActiveRuleRepository;
import io.voucherflow.rules.repository.ActiveRuleRepository.ActiveVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The compiled active version of every rule, in memory: compiled once when activated, evaluated per
 * case without locks or I/O. {@link RuleBookSync} keeps it current from PostgreSQL.
 */
@ApplicationScoped
public class RuleBook {

  /** Problem code when a rule has no active version (on this node). */
  public static final String NOT_ACTIVE = "rules.not-active";

  private static final Logger LOG = Logger.getLogger(RuleBook.class);

  private final ActiveRuleRepository repository;
  private final RuleCompiler compiler;

  // Replaced whole on each change and never mutated, so a lookup is one volatile read.
  private volatile Map<String, ActiveRule> rules = Map.of();

  @Inject
  public RuleBook(ActiveRuleRepository repository, RuleCompiler compiler) {
    this.repository = repository;
    this.compiler = compiler;
  }

  /** The active version of {@code code}, if it has one. */
  public Optional<ActiveRule> active(String code) {
    return Optional.ofNullable(rules.get(code));
  }

  /** The version in force of every active rule, by code. */
  public Map<String, Integer> versions() {
    Map<String, Integer> out = new TreeMap<>();
    rules.forEach((code, rule) -> out.put(code, rule.version()));
    return out;
  }

  /**
   * The value of the active version of {@code code} for these facts.
   *
   * @throws NotFoundException {@value #NOT_ACTIVE} when the rule has no active version
   * @throws RuleEvaluationException when the rule cannot give a value for these facts
   */
  public Object evaluate(String code, Map<String, ?> facts) {
    ActiveRule rule = rules.get(code);
    if (rule == null) {
      throw new NotFoundException(NOT_ACTIVE, "No active version of rule " + code);
    }
    return rule.rule().evaluate(facts);
  }

  /**
   * As {@link #evaluate}, for the process path: never throws, falls back on the fail-safe value of
   * {@code kind} (more scrutiny, never less) when the rule is missing or cannot decide.
   */
  public RuleOutcome decide(String code, RuleKind kind, Map<String, ?> facts) {
    ActiveRule rule = rules.get(code);
    if (rule == null) {
      return new RuleOutcome(code, 0, kind.failSafeValue(), "no active version of " + code);
    }
    try {
      return new RuleOutcome(code, rule.version(), rule.rule().evaluate(facts), null);
    } catch (RuleEvaluationException e) {
      return new RuleOutcome(code, rule.version(), rule.kind().failSafeValue(), e.getMessage());
    }
  }

  /** Reloads the active version of one rule from PostgreSQL. */
  public Uni<Void> reload(String code) {
    return repository
        .of(code)
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .invoke(row -> install(row == null ? List.of() : List.of(row)))
        .replaceWithVoid();
  }

  /**
   * Reloads every active rule from PostgreSQL. A rule never loses its active version (there is no
   * deactivation), so codes absent from the answer are kept rather than dropped: the answer may be
   * older than an activation this node already installed.
   */
  public Uni<Void> reloadAll() {
    return repository
        .all()
        .emitOn(Infrastructure.getDefaultWorkerPool())
        .invoke(this::install)
        .replaceWithVoid();
  }

  /** Compiles what is newer than what this node holds and swaps the map once. */
  private void install(List<ActiveVersion> rows) {
    Map<String, ActiveRule> compiled = new HashMap<>();
    for (ActiveVersion row : rows) {
      ActiveRule held = rules.get(row.code());
      if (held != null && held.activationSeq() >= row.activationSeq()) {
        continue;
      }
      try {
        compiled.put(
            row.code(),
            new ActiveRule(
                row.code(),
                row.version(),
                row.activationSeq(),
                compiler.compile(row.expression(), row.kind())));
      } catch (RuntimeException e) {
        // It compiled when saved; only a change of the language can get here. Keep what we have.
        LOG.errorf(
            "Active rule %s version %d no longer compiles: %s",
            row.code(), row.version(), e.getMessage());
      }
    }
    if (!compiled.isEmpty()) {
      swap(compiled);
    }
  }

  private synchronized void swap(Map<String, ActiveRule> compiled) {
    Map<String, ActiveRule> next = new HashMap<>(rules);
    compiled.forEach(
        (code, rule) -> {
          ActiveRule held = next.get(code);
          if (held == null || held.activationSeq() < rule.activationSeq()) {
            next.put(code, rule);
            LOG.debugf("Rule %s version %d in force", code, rule.version());
          }
        });
    rules = Map.copyOf(next);
  }
}
