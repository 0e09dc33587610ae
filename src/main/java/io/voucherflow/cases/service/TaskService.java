package io.voucherflow.cases.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.TaskState;
import io.voucherflow.cases.config.CasesConfig;
import io.voucherflow.cases.repository.CaseRepository;
import io.voucherflow.cases.repository.CaseWriter;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.security.Caller;
import io.voucherflow.staff.service.DutyService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Human tasks as staff reach them before the dispatcher (issue #5) pushes them: the queue of a
 * post, claim, complete. Only staff signed in at a task's post may see, claim or complete it.
 */
@ApplicationScoped
public class TaskService {

  private final CaseRepository cases;
  private final CaseWriter writer;
  private final TaskCompletions completions;
  private final DutyService duty;
  private final Caller caller;
  private final CasesConfig config;

  @Inject
  public TaskService(
      CaseRepository cases,
      CaseWriter writer,
      TaskCompletions completions,
      DutyService duty,
      Caller caller,
      CasesConfig config) {
    this.cases = cases;
    this.writer = writer;
    this.completions = completions;
    this.duty = duty;
    this.caller = caller;
    this.config = config;
  }

  /** The open and claimed tasks of a post, oldest first. */
  public Uni<List<CaseTask>> queue(String post) {
    return onDutyAt(post).chain(() -> cases.openTasks(post, config.taskPageSize()));
  }

  /** Takes an open task; claiming one's own claimed task again answers it unchanged. */
  public Uni<CaseTask> claim(UUID taskId) {
    String me = caller.username();
    return require(taskId)
        .call(task -> onDutyAt(task.post()))
        .chain(task -> writer.claim(taskId, me))
        .chain(claimed -> require(taskId))
        .invoke(
            task -> {
              if (task.state() == TaskState.CLAIMED && me.equals(task.claimedBy())) {
                return;
              }
              throw refusal(task);
            });
  }

  /** Completes a task with the worker's outcome; the case then moves on. */
  public Uni<CaseTask> complete(UUID taskId, String outcome, Map<String, Object> values) {
    return require(taskId)
        .call(task -> onDutyAt(task.post()))
        .chain(task -> completions.complete(taskId, caller.username(), outcome, values));
  }

  private Uni<CaseTask> require(UUID taskId) {
    return cases
        .task(taskId)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFoundException("cases.task.not-found", "No task " + taskId));
  }

  private Uni<Void> onDutyAt(String post) {
    return duty.mine()
        .invoke(
            d -> {
              if (d == null || !post.equals(d.postCode())) {
                throw new RuleViolationException(
                    "cases.task.not-on-duty", "Sign in at post " + post + " to work on its tasks");
              }
            })
        .replaceWithVoid();
  }

  private static RuleViolationException refusal(CaseTask task) {
    return switch (task.state()) {
      case DONE ->
          new RuleViolationException(
              "cases.task.already-completed", "Task " + task.id() + " is already completed");
      case WITHDRAWN ->
          new RuleViolationException(
              "cases.task.withdrawn", "Task " + task.id() + " was withdrawn: its case ended");
      default ->
          new RuleViolationException(
              "cases.task.claimed-by-other",
              "Task " + task.id() + " is held by " + task.claimedBy());
    };
  }
}
