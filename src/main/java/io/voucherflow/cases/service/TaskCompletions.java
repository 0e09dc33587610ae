package io.voucherflow.cases.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.CaseToken;
import io.voucherflow.cases.StaleCaseException;
import io.voucherflow.cases.TaskState;
import io.voucherflow.cases.TokenState;
import io.voucherflow.cases.repository.CaseRepository;
import io.voucherflow.cases.repository.CaseWriter;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.process.ProcessDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Applies a worker's decision on a human task as an engine step (same version guard), written
 * together with the automatic steps it sets off; the engine then advances whatever is left.
 */
@ApplicationScoped
public class TaskCompletions {

  /** Attempts of a completion that keeps finding the case moved by automatic steps. */
  private static final int COMPLETE_ATTEMPTS = 8;

  private final CaseRepository cases;
  private final CaseWriter writer;
  private final StepPlanner planner;
  private final ProcessCatalog catalog;
  private final CaseFacts facts;
  private final CaseEngine engine;

  @Inject
  public TaskCompletions(
      CaseRepository cases,
      CaseWriter writer,
      StepPlanner planner,
      ProcessCatalog catalog,
      CaseFacts facts,
      CaseEngine engine) {
    this.cases = cases;
    this.writer = writer;
    this.planner = planner;
    this.catalog = catalog;
    this.facts = facts;
    this.engine = engine;
  }

  /**
   * Applies a worker's decision on a task and advances the case.
   *
   * @throws RuleViolationException {@code cases.task.already-completed}, {@code
   *     cases.task.withdrawn}, {@code cases.task.claimed-by-other}
   * @throws InvalidInputException {@code cases.task.invalid-outcome}
   */
  public Uni<CaseTask> complete(
      UUID taskId, String actor, String outcome, Map<String, Object> values) {
    return cases
        .task(taskId)
        .chain(
            task ->
                applyCompletion(requireCompletable(task, taskId, actor), actor, outcome, values))
        .onFailure(StaleCaseException.class)
        .retry()
        .atMost(COMPLETE_ATTEMPTS)
        .call(task -> engine.advanceOrLeave(task.caseId()))
        .chain(task -> cases.task(task.id()));
  }

  private Uni<CaseTask> applyCompletion(
      CaseTask task, String actor, String outcome, Map<String, Object> values) {
    return cases
        .find(task.caseId())
        .chain(
            c ->
                cases
                    .liveTokens(c.id())
                    .chain(
                        live -> {
                          CaseToken waiting =
                              live.stream()
                                  .filter(t -> t.id().equals(task.tokenId()))
                                  .filter(t -> t.state() == TokenState.WAITING)
                                  .findFirst()
                                  .orElseThrow(() -> new StaleCaseException("token moved"));
                          return facts
                              .of(c.voucherId())
                              .chain(
                                  f ->
                                      catalog
                                          .definition(task.process(), task.processVersion())
                                          .invoke(d -> requireOutcome(d, task, outcome))
                                          .chain(
                                              d ->
                                                  planner.complete(
                                                      c, waiting, task, actor, outcome, values, f))
                                          .chain(p -> engine.onward(c, live, f, p)));
                        }))
        .chain(writer::apply)
        .replaceWith(task);
  }

  private static CaseTask requireCompletable(CaseTask task, UUID taskId, String actor) {
    if (task == null) {
      throw new NotFoundException("cases.task.not-found", "No task " + taskId);
    }
    if (task.state() == TaskState.DONE) {
      throw new RuleViolationException(
          "cases.task.already-completed",
          "Task " + taskId + " was completed by " + task.completedBy());
    }
    if (task.state() == TaskState.WITHDRAWN) {
      throw new RuleViolationException(
          "cases.task.withdrawn", "Task " + taskId + " was withdrawn: its case ended");
    }
    if (task.state() == TaskState.CLAIMED && !actor.equals(task.claimedBy())) {
      throw new RuleViolationException(
          "cases.task.claimed-by-other", "Task " + taskId + " is held by " + task.claimedBy());
    }
    return task;
  }

  private static void requireOutcome(ProcessDefinition d, CaseTask task, String outcome) {
    List<String> allowed = d.node(task.node()).orElseThrow().outcomes();
    if (outcome == null || !allowed.contains(outcome)) {
      throw InvalidInputException.ofField(
          "cases.task.invalid-outcome",
          "outcome",
          "must be one of " + allowed + " for a " + task.kind() + " task");
    }
  }
}
