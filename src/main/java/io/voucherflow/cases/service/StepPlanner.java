package io.voucherflow.cases.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.cases.CaseInstance;
import io.voucherflow.cases.CaseState;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.CaseToken;
import io.voucherflow.cases.Decision;
import io.voucherflow.cases.StepPlan;
import io.voucherflow.cases.TaskState;
import io.voucherflow.cases.TokenState;
import io.voucherflow.process.NodeKind;
import io.voucherflow.process.ProcessDefinition;
import io.voucherflow.process.ProcessNode;
import io.voucherflow.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Plans one step of one token: what its node's work decides and where the token goes. Writes
 * nothing; {@link io.voucherflow.cases.repository.CaseWriter} applies the plan if the case has not
 * moved meanwhile.
 */
@ApplicationScoped
public class StepPlanner {

  private final ProcessCatalog catalog;
  private final NodeWork work;
  private final Routing routing;
  private final Moves moves;
  private final TaskPriority priority;

  @Inject
  public StepPlanner(
      ProcessCatalog catalog, NodeWork work, Routing routing, Moves moves, TaskPriority priority) {
    this.catalog = catalog;
    this.work = work;
    this.routing = routing;
    this.moves = moves;
    this.priority = priority;
  }

  /** The step of an {@link TokenState#ACTIVE} token: its node's work. */
  public Uni<StepPlan> plan(
      CaseInstance c, List<CaseToken> live, CaseToken t, Map<String, Object> facts) {
    StepPlan plan = new StepPlan(c);
    return catalog
        .definition(t.process(), t.version())
        .chain(
            d -> {
              ProcessNode node = d.node(t.node()).orElseThrow();
              NodeKind kind = node.nodeKind().orElseThrow();
              return switch (kind.category()) {
                case END -> end(plan, live, t, kind, facts);
                case HUMAN -> Uni.createFrom().item(task(plan, t, node, facts));
                case AUTOMATIC -> decided(plan, c, d, t, node, facts);
                case CONTROL ->
                    switch (kind) {
                      case FORK -> Uni.createFrom().item(moves.fork(plan, d, t));
                      case JOIN -> Uni.createFrom().item(moves.join(plan, d, live, t, node, facts));
                      case CALL -> call(plan, t, node);
                      default -> decided(plan, c, d, t, node, facts);
                    };
              };
            })
        .replaceWith(plan);
  }

  /**
   * Whether the token's next step reads the case's tasks as committed (the comparison of two
   * keyings): it must not be planned in one transaction with a completion not yet written.
   */
  public Uni<Boolean> readsCommittedTasks(CaseToken t) {
    return catalog
        .definition(t.process(), t.version())
        .map(
            d ->
                d.node(t.node())
                    .flatMap(ProcessNode::nodeKind)
                    .map(kind -> kind == NodeKind.COMPARE)
                    .orElse(false));
  }

  /** The step of a {@link TokenState#WAITING} token whose task a worker completes. */
  public Uni<StepPlan> complete(
      CaseInstance c,
      CaseToken t,
      CaseTask task,
      String actor,
      String outcome,
      Map<String, Object> values,
      Map<String, Object> facts) {
    StepPlan plan =
        new StepPlan(c)
            .complete(new StepPlan.Completion(task.id(), actor, outcome, values))
            // Who decided what goes to the audit trail too, where auditors trace people's work.
            .outbox(
                new StepPlan.Outbox(
                    t.id(),
                    t.step() + 1,
                    "task.completed",
                    Map.of(
                        "taskId",
                        task.id().toString(),
                        "completedBy",
                        actor,
                        "outcome",
                        outcome,
                        "node",
                        t.process() + "/" + t.node())));
    return catalog
        .definition(t.process(), t.version())
        .map(
            d ->
                moves.leave(
                    plan,
                    d,
                    t,
                    new Decision(outcome, null, null, null, "task " + task.id()),
                    actor,
                    facts));
  }

  private Uni<StepPlan> decided(
      StepPlan plan,
      CaseInstance c,
      ProcessDefinition d,
      CaseToken t,
      ProcessNode node,
      Map<String, Object> facts) {
    return work.run(c, d.code(), node, facts)
        .map(decision -> moves.leave(plan, d, t, decision, Caller.SYSTEM, facts));
  }

  /** A human node: one open task, and the token waits for its completion. */
  private StepPlan task(StepPlan plan, CaseToken t, ProcessNode node, Map<String, Object> facts) {
    Instant due = node.timeLimitDuration().map(limit -> Instant.now().plus(limit)).orElse(null);
    long score = priority.score(facts);
    CaseTask task =
        new CaseTask(
            UUID.randomUUID(),
            t.caseId(),
            plan.caseInstance().voucherId(),
            t.id(),
            t.step(),
            t.process(),
            t.version(),
            node.id(),
            node.kind(),
            node.post(),
            TaskState.OPEN,
            due,
            null,
            null,
            null,
            null,
            null,
            score,
            null);
    return plan.task(task)
        .token(t.withState(TokenState.WAITING))
        .outbox(
            new StepPlan.Outbox(
                t.id(),
                t.step(),
                "task.created",
                Map.of(
                    "taskId", task.id().toString(),
                    "voucherId", task.voucherId().toString(),
                    "post", node.post(),
                    "kind", node.kind(),
                    "node", t.process() + "/" + node.id(),
                    "priority", score)));
  }

  /** A call: the token enters the pinned sub-process version at its start. */
  private Uni<StepPlan> call(StepPlan plan, CaseToken t, ProcessNode node) {
    return catalog
        .definition(node.call().process(), node.call().version())
        .map(
            sub -> {
              CaseToken inside = t.calling(sub.code(), sub.version(), sub.start(), t.step() + 1);
              return plan.token(inside)
                  .history(
                      Moves.entry(
                          inside,
                          "ENTERED",
                          Caller.SYSTEM,
                          null,
                          "called from " + t.process() + "/" + t.node()));
            });
  }

  /** An end node: a sub-process returns to its caller; the business process ends the case. */
  private Uni<StepPlan> end(
      StepPlan plan, List<CaseToken> live, CaseToken t, NodeKind kind, Map<String, Object> facts) {
    if (kind == NodeKind.DONE && !t.stack().isEmpty()) {
      plan.history(
          Moves.entry(t.at(t.node(), t.state(), t.step() + 1), "LEFT", Caller.SYSTEM, null, null));
      CaseToken back = t.returning(t.step() + 1);
      return catalog
          .definition(back.process(), back.version())
          .map(
              caller ->
                  moves.leave(
                      plan,
                      caller,
                      back,
                      Decision.plain("done", "sub-process " + t.process() + " done"),
                      Caller.SYSTEM,
                      facts));
    }
    CaseState state = kind == NodeKind.DONE ? CaseState.DONE : CaseState.RETURNED_TO_BRANCH;
    CaseToken last = t.at(t.node(), TokenState.ENDED, t.step() + 1);
    plan.end(state)
        .token(last)
        .history(Moves.entry(last, "ENDED", Caller.SYSTEM, state.name(), null));
    // Other branches end with the case; their open tasks are withdrawn in the same transaction.
    live.stream()
        .filter(o -> !o.id().equals(t.id()))
        .forEach(o -> plan.token(o.withState(TokenState.ENDED)));
    return Uni.createFrom()
        .item(
            plan.outbox(
                new StepPlan.Outbox(
                    t.id(),
                    last.step(),
                    state == CaseState.DONE ? "case.done" : "case.returned",
                    Map.of(
                        "voucherId",
                        plan.caseInstance().voucherId().toString(),
                        "node",
                        t.process() + "/" + t.node()))));
  }
}
