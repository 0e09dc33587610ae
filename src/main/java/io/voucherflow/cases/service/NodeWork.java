package io.voucherflow.cases.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.cases.CaseInstance;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.Decision;
import io.voucherflow.cases.TaskState;
import io.voucherflow.cases.repository.CaseRepository;
import io.voucherflow.process.NodeKind;
import io.voucherflow.process.ProcessNode;
import io.voucherflow.rules.ActiveRule;
import io.voucherflow.rules.RuleKind;
import io.voucherflow.rules.RuleOutcome;
import io.voucherflow.rules.service.RuleBook;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The work of automatic and decision nodes, deterministic for given facts so a retried step decides
 * the same. Nodes whose real work belongs to later issues (seal images, core posting, printing)
 * give their success outcome here and say so in history.
 */
@ApplicationScoped
public class NodeWork {

  private final RuleBook ruleBook;
  private final InlineRules inline;
  private final CaseRepository cases;

  @Inject
  public NodeWork(RuleBook ruleBook, InlineRules inline, CaseRepository cases) {
    this.ruleBook = ruleBook;
    this.inline = inline;
    this.cases = cases;
  }

  public Uni<Decision> run(
      CaseInstance c, String process, ProcessNode node, Map<String, Object> facts) {
    NodeKind kind = node.nodeKind().orElseThrow();
    return switch (kind) {
      case DECISION -> Uni.createFrom().item(decide(node, facts));
      case IDENTIFY ->
          // The pipeline records a template only when it recognised one confidently.
          Uni.createFrom()
              .item(
                  facts.containsKey("voucher.templateCode")
                      ? Decision.plain(
                          "identified", "template " + facts.get("voucher.templateCode"))
                      : Decision.plain("unknown", "no template recognised"));
      case SLICE -> Uni.createFrom().item(Decision.plain("sliced", "sliced by the pipeline"));
      case OCR -> Uni.createFrom().item(Decision.plain("read", "read by the pipeline"));
      case COMPARE -> compare(c, process);
      case CHECK -> Uni.createFrom().item(allOf(RuleKind.DATA_CHECK, facts, "pass", "fail"));
      case RISK -> Uni.createFrom().item(anyOf(RuleKind.RISK_WARNING, facts));
      case SEAL_AUTO ->
          Uni.createFrom().item(Decision.plain("pass", "no seal image comparison yet (issue #7)"));
      case POST -> Uni.createFrom().item(Decision.plain("posted", "core posting queued (outbox)"));
      case PRINT ->
          Uni.createFrom().item(Decision.plain("printed", "document queued for printing"));
      case RECEIPT -> Uni.createFrom().item(Decision.plain("sent", "e-receipt queued (outbox)"));
      default -> throw new IllegalStateException(kind + " is not automatic work");
    };
  }

  /**
   * A decision node: its rule's value (written in the process, or the managed rule in force) is the
   * outcome; no rule routes unconditionally.
   */
  private Decision decide(ProcessNode node, Map<String, Object> facts) {
    if (node.rule() == null) {
      return Decision.plain(null, null);
    }
    RuleKind kind = node.rule().ruleKind().orElseThrow();
    if (node.rule().code() != null) {
      // A managed rule: the version in force now decides, and history names it.
      RuleOutcome o = ruleBook.decide(node.rule().code(), kind, facts);
      Map<String, Object> read =
          ruleBook.active(o.code()).map(a -> InlineRules.read(a.rule(), facts)).orElse(null);
      return new Decision(
          String.valueOf(o.value()),
          o.code() + "@" + o.version(),
          null,
          read,
          o.failedSafe() ? "fail-safe value: " + o.failure() : null);
    }
    InlineRules.Evaluated e = inline.evaluate(node.rule().expression(), kind, facts);
    return new Decision(
        String.valueOf(e.value()),
        "inline:" + node.id(),
        null,
        e.facts(),
        e.failure() == null ? null : "fail-safe value: " + e.failure());
  }

  /** Double-blind keying: the two keyings of this data entry agree field by field. */
  private Uni<Decision> compare(CaseInstance c, String process) {
    return cases
        .tasksOf(c.id())
        .map(
            tasks -> {
              List<CaseTask> keyed =
                  tasks.stream()
                      .filter(t -> t.process().equals(process) && t.state() == TaskState.DONE)
                      .filter(t -> t.kind().equals("key_slice") || t.kind().equals("key_whole"))
                      .toList();
              // The last two keyings: after an arbitration loop, earlier ones are superseded.
              List<CaseTask> last = keyed.subList(Math.max(0, keyed.size() - 2), keyed.size());
              boolean same =
                  last.size() == 2 && Objects.equals(values(last.get(0)), values(last.get(1)));
              return Decision.plain(
                  same ? "match" : "mismatch", same ? "both keyings agree" : "the keyings differ");
            });
  }

  private static Map<String, Object> values(CaseTask t) {
    return t.values() == null ? Map.of() : t.values();
  }

  /** Every active rule of the kind must hold (data checks); a rule that errs does not hold. */
  private Decision allOf(RuleKind kind, Map<String, Object> facts, String pass, String fail) {
    List<String> failed = new ArrayList<>();
    List<String> used = new ArrayList<>();
    Map<String, Object> read = new LinkedHashMap<>();
    for (ActiveRule rule : rulesOf(kind)) {
      RuleOutcome o = ruleBook.decide(rule.code(), kind, facts);
      used.add(o.code() + "@" + o.version());
      read.putAll(InlineRules.read(rule.rule(), facts));
      if (!Boolean.TRUE.equals(o.value())) {
        failed.add(o.code() + (o.failedSafe() ? " (" + o.failure() + ")" : ""));
      }
    }
    return new Decision(
        failed.isEmpty() ? pass : fail,
        String.join(",", used),
        null,
        read,
        failed.isEmpty() ? null : "failed: " + String.join("; ", failed));
  }

  /** Any active risk rule that warns (true or a message) warns. */
  private Decision anyOf(RuleKind kind, Map<String, Object> facts) {
    List<String> warnings = new ArrayList<>();
    List<String> used = new ArrayList<>();
    for (ActiveRule rule : rulesOf(kind)) {
      RuleOutcome o = ruleBook.decide(rule.code(), kind, facts);
      used.add(o.code() + "@" + o.version());
      Object v = o.value();
      if (Boolean.TRUE.equals(v) || (v instanceof String s && !s.isBlank())) {
        warnings.add(o.code() + (v instanceof String s ? ": " + s : ""));
      }
    }
    return new Decision(
        warnings.isEmpty() ? "clear" : "warn",
        String.join(",", used),
        null,
        null,
        warnings.isEmpty() ? null : String.join("; ", warnings));
  }

  private List<ActiveRule> rulesOf(RuleKind kind) {
    return ruleBook.versions().keySet().stream()
        .map(ruleBook::active)
        .flatMap(java.util.Optional::stream)
        .filter(r -> r.kind() == kind)
        .toList();
  }
}
