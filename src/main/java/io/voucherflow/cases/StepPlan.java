package io.voucherflow.cases;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything one engine step writes, applied in one transaction only if the case still has {@code
 * expectedVersion}: a step is planned from a read, and a plan whose read went stale writes nothing.
 */
public final class StepPlan {

  /** A side effect to run once after the step commits. */
  public record Outbox(UUID tokenId, int step, String kind, Map<String, Object> payload) {}

  /** The human task this step completes, with the worker's decision. */
  public record Completion(UUID taskId, String actor, String outcome, Map<String, Object> values) {}

  /** An overdue task whose priority is raised by {@code raiseBy}, once. */
  public record Escalation(UUID taskId, long raiseBy) {}

  private final CaseInstance caseInstance;
  // Keyed by token id: a token touched twice in one step is written once, as last planned.
  private final Map<UUID, CaseToken> tokens = new LinkedHashMap<>();
  private final List<HistoryEntry> history = new ArrayList<>();
  private final List<CaseTask> tasks = new ArrayList<>();
  private final List<Outbox> outbox = new ArrayList<>();
  private CaseState endState;
  private Completion completion;
  private Escalation escalation;

  public StepPlan(CaseInstance caseInstance) {
    this.caseInstance = caseInstance;
  }

  public CaseInstance caseInstance() {
    return caseInstance;
  }

  public StepPlan token(CaseToken token) {
    tokens.put(token.id(), token);
    return this;
  }

  public StepPlan history(HistoryEntry entry) {
    history.add(entry);
    return this;
  }

  public StepPlan task(CaseTask task) {
    tasks.add(task);
    return this;
  }

  public StepPlan outbox(Outbox effect) {
    outbox.add(effect);
    return this;
  }

  public StepPlan end(CaseState state) {
    this.endState = state;
    return this;
  }

  public StepPlan complete(Completion done) {
    this.completion = done;
    return this;
  }

  public StepPlan escalate(Escalation overdue) {
    this.escalation = overdue;
    return this;
  }

  /**
   * Adds a later automatic step of the same case to this plan, so both commit together: a token
   * touched by both is written once, as the later step left it; rows are kept in step order.
   */
  public StepPlan absorb(StepPlan later) {
    if (later.completion != null || later.escalation != null) {
      throw new IllegalArgumentException("only automatic steps are written together");
    }
    tokens.putAll(later.tokens);
    history.addAll(later.history);
    tasks.addAll(later.tasks);
    outbox.addAll(later.outbox);
    if (later.endState != null) {
      endState = later.endState;
    }
    return this;
  }

  public Escalation escalation() {
    return escalation;
  }

  public List<CaseToken> tokens() {
    return List.copyOf(tokens.values());
  }

  public List<HistoryEntry> history() {
    return history;
  }

  public List<CaseTask> tasks() {
    return tasks;
  }

  public List<Outbox> outboxes() {
    return outbox;
  }

  /** The state the case ends in, or null while it runs on. */
  public CaseState endState() {
    return endState;
  }

  public Completion completion() {
    return completion;
  }
}
