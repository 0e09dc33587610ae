package io.voucherflow.keying.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.InvalidInputException;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.dispatch.CompletionResult;
import io.voucherflow.dispatch.Lease;
import io.voucherflow.dispatch.service.DispatchService;
import io.voucherflow.keying.KeySubmission;
import io.voucherflow.keying.KeyingAssignment;
import io.voucherflow.keying.KeyingState;
import io.voucherflow.keying.repository.CompletionWriter;
import io.voucherflow.keying.repository.CompletionWriter.Completion;
import io.voucherflow.keying.repository.KeyingTaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What a keyer does, for any front end (REST today, the keying WebSocket later): claim up to a
 * credit of tasks, submit a key, mark a slice unreadable, skip one, give everything back on
 * disconnect. A submit is answered only once its row is committed in PostgreSQL; a submit under a
 * lease that expired (the task went back to its queue) is refused with {@code
 * keying.task.lease-expired}, one for a task already done with {@code
 * keying.task.already-completed}.
 */
@ApplicationScoped
public class KeyingService {

  private final DispatchService dispatch;
  private final CompletionWriter writer;
  private final KeyingTaskRepository tasks;
  private final KeyingTaskFactory factory;
  private final FieldSettler settler;

  @Inject
  public KeyingService(
      DispatchService dispatch,
      CompletionWriter writer,
      KeyingTaskRepository tasks,
      KeyingTaskFactory factory,
      FieldSettler settler) {
    this.dispatch = dispatch;
    this.writer = writer;
    this.tasks = tasks;
    this.factory = factory;
    this.settler = settler;
  }

  /**
   * Leases the most urgent tasks of the post this keyer may take until it holds {@code credit};
   * answers the new ones (empty when none may be taken now).
   */
  public Uni<List<KeyingAssignment>> claim(
      long keyer, String post, Set<String> skills, int credit) {
    return dispatch.claim(keyer, post, skills, credit).map(this::assignments);
  }

  /**
   * Claims until the keyer holds {@code credit}, and up to {@code ahead} more while the post's
   * queue holds at least {@code aheadWhenQueued} tasks.
   */
  public Uni<List<KeyingAssignment>> claim(
      long keyer, String post, Set<String> skills, int credit, int ahead, long aheadWhenQueued) {
    return dispatch
        .claim(keyer, post, skills, credit, ahead, aheadWhenQueued)
        .map(this::assignments);
  }

  /** Claims with a lease of a given length instead of {@code vf.dispatch.lease}. */
  public Uni<List<KeyingAssignment>> claim(
      long keyer, String post, Set<String> skills, int credit, Duration lease) {
    return dispatch.claim(keyer, post, skills, credit, lease).map(this::assignments);
  }

  private List<KeyingAssignment> assignments(List<Lease> leases) {
    return leases.stream()
        .map(
            l ->
                new KeyingAssignment(
                    UUID.fromString(l.taskId()), factory.read(l.body()), l.until()))
        .toList();
  }

  /** Records the keyer's key; answered once it is durable. */
  public Uni<Void> submit(long keyer, UUID taskId, KeySubmission key) {
    return submit(keyer, taskId, key, () -> {});
  }

  /**
   * Records the keyer's key; answered once it is durable. {@code released} runs as soon as the
   * dispatcher has taken the task off the keyer, before the key is written, so a console can fetch
   * the next slice while the key is made durable.
   */
  public Uni<Void> submit(long keyer, UUID taskId, KeySubmission key, Runnable released) {
    if (key == null || key.value() == null || key.value().isBlank()) {
      return Uni.createFrom()
          .failure(
              InvalidInputException.ofField(
                  "keying.task.value-missing",
                  "value",
                  "must not be blank; mark the slice unreadable instead"));
    }
    return finish(keyer, taskId, KeyingState.DONE, key, released);
  }

  /** The keyer cannot read the slice: counts as a key that matches nothing. */
  public Uni<Void> unreadable(long keyer, UUID taskId) {
    return unreadable(keyer, taskId, () -> {});
  }

  /**
   * Marks the slice unreadable; {@code released} as for {@link #submit(long, UUID, KeySubmission,
   * Runnable)}.
   */
  public Uni<Void> unreadable(long keyer, UUID taskId, Runnable released) {
    return finish(
        keyer, taskId, KeyingState.UNREADABLE, new KeySubmission(null, null, null), released);
  }

  /**
   * Gives back a task the keyer held without seeing it (a console's work ahead): it returns to its
   * queue for someone else; nothing happens if it is no longer theirs.
   */
  public Uni<Void> giveBack(long keyer, UUID taskId) {
    return dispatch.release(taskId.toString(), keyer).replaceWithVoid();
  }

  /** Gives one held task back to its queue; this keyer will not get that field again. */
  public Uni<Void> skip(long keyer, UUID taskId) {
    return dispatch
        .release(taskId.toString(), keyer)
        .invoke(
            released -> {
              if (!released) {
                throw new RuleViolationException(
                    "keying.task.lease-expired", "Task " + taskId + " is not held by you any more");
              }
            })
        .replaceWithVoid();
  }

  /** Returns every task the keyer holds to its queue (disconnected); answers how many. */
  public Uni<Long> releaseOnDisconnect(long keyer) {
    return dispatch.releaseAll(keyer);
  }

  /** The tasks the keyer holds. */
  public Uni<Set<UUID>> heldBy(long keyer) {
    return dispatch
        .heldBy(keyer)
        .map(ids -> ids.stream().map(UUID::fromString).collect(Collectors.toSet()));
  }

  private Uni<Void> finish(
      long keyer, UUID taskId, KeyingState state, KeySubmission key, Runnable released) {
    return dispatch
        .complete(taskId.toString(), keyer)
        .invoke(
            r -> {
              refuseUnlessOk(r, taskId);
              released.run();
            })
        .chain(
            r ->
                writer
                    .write(
                        new Completion(
                            taskId,
                            keyer,
                            state,
                            key.value(),
                            key.keystrokes(),
                            key.keyMillis(),
                            r.leaseUntil()))
                    // Not durable: the task goes back to its queue rather than being lost.
                    .onFailure()
                    .call(() -> reopen(taskId)))
        .invoke(
            written -> {
              if (written == null) {
                throw alreadyCompleted(taskId);
              }
              settler.keyed(written.voucherId(), written.field());
            })
        .replaceWithVoid();
  }

  private Uni<Void> reopen(UUID taskId) {
    return tasks
        .find(taskId)
        .chain(
            t ->
                t == null || t.state().finished()
                    ? Uni.createFrom().voidItem()
                    : dispatch.reopen(KeyingTaskFactory.dispatch(t)))
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  private static void refuseUnlessOk(CompletionResult r, UUID taskId) {
    switch (r.outcome()) {
      case OK -> {}
      case ALREADY_COMPLETED -> throw alreadyCompleted(taskId);
      case LEASE_EXPIRED ->
          throw new RuleViolationException(
              "keying.task.lease-expired",
              "Your lease on task "
                  + taskId
                  + " ran out and it went back to its queue; your key was not recorded");
      case UNKNOWN ->
          throw new NotFoundException("keying.task.not-found", "No keying task " + taskId);
    }
  }

  private static RuleViolationException alreadyCompleted(UUID taskId) {
    return new RuleViolationException(
        "keying.task.already-completed", "Task " + taskId + " is already completed");
  }
}
