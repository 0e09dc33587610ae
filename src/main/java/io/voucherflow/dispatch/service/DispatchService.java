package io.voucherflow.dispatch.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.UnavailableException;
import io.voucherflow.dispatch.CompletionResult;
import io.voucherflow.dispatch.DispatchTask;
import io.voucherflow.dispatch.Lease;
import io.voucherflow.dispatch.config.DispatchConfig;
import io.voucherflow.dispatch.repository.DispatchRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * The priority dispatcher: queues tasks per post, leases the most urgent ones a keyer may take,
 * completes them only under a live lease and returns the rest to their queues. Redis failures
 * become {@code dispatch.unavailable} (503).
 */
@ApplicationScoped
public class DispatchService {

  private final DispatchRepository repository;
  private final DispatchConfig config;

  @Inject
  public DispatchService(DispatchRepository repository, DispatchConfig config) {
    this.repository = repository;
    this.config = config;
  }

  /** Queues tasks and wakes every instance's idle keyers of their posts. */
  public Uni<Integer> offer(Collection<DispatchTask> tasks) {
    return repository.offer(tasks).onFailure().transform(DispatchService::unavailable);
  }

  /**
   * Leases tasks of the post to the keyer until it holds {@code credit} tasks; fewer (or none) when
   * the queue has none this keyer may take.
   */
  public Uni<List<Lease>> claim(long keyer, String post, Set<String> skills, int credit) {
    return claim(keyer, post, skills, credit, config.lease());
  }

  /** Claims with a lease of a given length (a post whose work takes longer, or a test). */
  public Uni<List<Lease>> claim(
      long keyer, String post, Set<String> skills, int credit, Duration lease) {
    return repository
        .claim(Long.toString(keyer), post, skills, credit, lease)
        .onFailure()
        .transform(DispatchService::unavailable);
  }

  /**
   * Claims up to {@code credit}, and up to {@code ahead} more while the post's queue holds at least
   * {@code aheadWhenQueued} tasks (see {@link DispatchRepository#claim(String, String, Set, int,
   * Duration, int, long)}).
   */
  public Uni<List<Lease>> claim(
      long keyer, String post, Set<String> skills, int credit, int ahead, long aheadWhenQueued) {
    return repository
        .claim(Long.toString(keyer), post, skills, credit, config.lease(), ahead, aheadWhenQueued)
        .onFailure()
        .transform(DispatchService::unavailable);
  }

  /** Claims with the configured prefetch credit. */
  public Uni<List<Lease>> claim(long keyer, String post, Set<String> skills) {
    return claim(keyer, post, skills, config.credit());
  }

  /** Completes the task if the keyer still holds its lease; says why not otherwise. */
  public Uni<CompletionResult> complete(String taskId, long keyer) {
    return repository
        .complete(taskId, Long.toString(keyer))
        .onFailure()
        .transform(DispatchService::unavailable);
  }

  /** Queues again a task whose completion could not be made durable. */
  public Uni<Void> reopen(DispatchTask task) {
    return repository.reopen(task).replaceWithVoid();
  }

  /** Gives one held task back (skipped); the keyer will not get that field again. */
  public Uni<Boolean> release(String taskId, long keyer) {
    return repository
        .release(taskId, Long.toString(keyer))
        .onFailure()
        .transform(DispatchService::unavailable);
  }

  /** Gives back everything the keyer holds (disconnected, signed out); answers how many. */
  public Uni<Long> releaseAll(long keyer) {
    return repository
        .releaseAll(Long.toString(keyer))
        .onFailure()
        .transform(DispatchService::unavailable);
  }

  /** The ids of the tasks the keyer holds. */
  public Uni<Set<String>> heldBy(long keyer) {
    return repository
        .heldBy(Long.toString(keyer))
        .onFailure()
        .transform(DispatchService::unavailable);
  }

  /** How many tasks wait in the post's queue. */
  public Uni<Long> queued(String post) {
    return repository.queued(post).onFailure().transform(DispatchService::unavailable);
  }

  static Throwable unavailable(Throwable cause) {
    if (cause instanceof UnavailableException) {
      return cause;
    }
    return new UnavailableException(
        "dispatch.unavailable", "The task dispatcher (Redis) cannot be reached", cause);
  }
}
