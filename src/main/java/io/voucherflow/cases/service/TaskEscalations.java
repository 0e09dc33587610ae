package io.voucherflow.cases.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.cases.CaseState;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.CaseToken;
import io.voucherflow.cases.StaleCaseException;
import io.voucherflow.cases.StepPlan;
import io.voucherflow.cases.TaskState;
import io.voucherflow.cases.TokenState;
import io.voucherflow.cases.config.CasesConfig;
import io.voucherflow.cases.repository.CaseRepository;
import io.voucherflow.cases.repository.CaseWriter;
import io.voucherflow.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;

/**
 * Time-limit escalation: a task still open or claimed past its node's time limit is flagged once —
 * {@code escalated_at} set, its priority raised by {@code vf.cases.escalation-raise}, an {@code
 * ESCALATED} history row and a {@code task.escalated} audit entry — in one step guarded by the
 * case's version like every other, so two nodes sweeping at once escalate it once.
 */
@ApplicationScoped
public class TaskEscalations {

  private final CaseRepository cases;
  private final CaseWriter writer;
  private final CasesConfig config;

  @Inject
  public TaskEscalations(CaseRepository cases, CaseWriter writer, CasesConfig config) {
    this.cases = cases;
    this.writer = writer;
    this.config = config;
  }

  /** Escalates the task if it is still overdue and not escalated; a stale read leaves it be. */
  public Uni<Void> escalate(UUID taskId) {
    return cases
        .task(taskId)
        .chain(
            task -> {
              if (task == null
                  || task.escalatedAt() != null
                  || (task.state() != TaskState.OPEN && task.state() != TaskState.CLAIMED)) {
                return Uni.createFrom().voidItem();
              }
              return cases
                  .find(task.caseId())
                  .chain(
                      c ->
                          c == null || c.state() != CaseState.RUNNING
                              ? Uni.createFrom().voidItem()
                              : cases
                                  .liveTokens(c.id())
                                  .chain(
                                      live ->
                                          live.stream()
                                              .filter(t -> t.id().equals(task.tokenId()))
                                              .filter(t -> t.state() == TokenState.WAITING)
                                              .findFirst()
                                              .map(
                                                  t -> writer.apply(plan(new StepPlan(c), t, task)))
                                              .orElseGet(() -> Uni.createFrom().voidItem())));
            })
        // Someone completed or escalated it meanwhile: nothing left to do.
        .onFailure(StaleCaseException.class)
        .recoverWithNull()
        .replaceWithVoid();
  }

  private StepPlan plan(StepPlan plan, CaseToken t, CaseTask task) {
    long raise = config.escalationRaise();
    CaseToken marked = t.at(t.node(), TokenState.WAITING, t.step() + 1);
    String detail = "past its time limit (due " + task.dueAt() + "); priority raised by " + raise;
    return plan.escalate(new StepPlan.Escalation(task.id(), raise))
        .token(marked)
        .history(Moves.entry(marked, "ESCALATED", Caller.SYSTEM, "overdue", detail))
        .outbox(
            new StepPlan.Outbox(
                t.id(),
                marked.step(),
                "task.escalated",
                Map.of(
                    "taskId", task.id().toString(),
                    "post", task.post(),
                    "node", task.process() + "/" + task.node(),
                    "dueAt", String.valueOf(task.dueAt()),
                    "priority", task.priority() + raise)));
  }
}
