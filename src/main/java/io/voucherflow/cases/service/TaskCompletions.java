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
  private final CaseQueue queue;

  @Inject
  public TaskCompletions(
      CaseRepository cases,
      CaseWriter writer,
      StepPlanner planner,
      ProcessCatalog catalog,
      CaseFacts facts,
      CaseEngine engine,
      CaseQueue queue) {
    this.cases = cases;
    this.writer = writer;
    this.planner = planner;
    this.catalog = catalog;
    this.facts = facts;
    this.engine = engine;
    this.queue = queue;
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
                queue.run(
                    requireFound(task, taskId).caseId(),
                    () -> attempt(task, taskId, actor, outcome, values, COMPLETE_ATTEMPTS)))
        .chain(() -> cases.task(taskId));
  }

  /**
   * Applies the completion, the case held, then advances the case if the completion's transaction
   * left it automatic work.
   */
  private Uni<Void> attempt(
      CaseTask task,
      UUID taskId,
      String actor,
      String outcome,
      Map<String, Object> values,
      int attempts) {
    return applyOrRetry(task, taskId, actor, outcome, values, attempts)
        .chain(more -> more ? engine.advanceOrLeave(task.caseId()) : Uni.createFrom().voidItem());
  }

  /**
   * One try with the task as last read; a stale read (its token moved meanwhile: the same task
   * completed elsewhere, or another instance stepped the case) reads the task again and retries.
   */
  private Uni<Boolean> applyOrRetry(
      CaseTask task,
      UUID taskId,
      String actor,
      String outcome,
      Map<String, Object> values,
      int attempts) {
    return Uni.createFrom()
        .deferred(
            () -> applyCompletion(requireCompletable(task, taskId, actor), actor, outcome, values))
        .onFailure(e -> e instanceof StaleCaseException && attempts > 1)
        .recoverWithUni(
            () ->
                cases
                    .task(taskId)
                    .chain(
                        again ->
                            applyOrRetry(again, taskId, actor, outcome, values, attempts - 1)));
  }

  /** Writes the completion with the automatic steps it sets off; true when more may follow. */
  private Uni<Boolean> applyCompletion(
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
                                          .chain(
                                              p ->
                                                  engine
                                                      .onward(c, live, f, p)
                                                      .call(more -> writer.apply(p))));
                        }));
  }

  private static CaseTask requireFound(CaseTask task, UUID taskId) {
    if (task == null) {
      throw new NotFoundException("cases.task.not-found", "No task " + taskId);
    }
    return task;
  }

  private static CaseTask requireCompletable(CaseTask task, UUID taskId, String actor) {
    requireFound(task, taskId);
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
