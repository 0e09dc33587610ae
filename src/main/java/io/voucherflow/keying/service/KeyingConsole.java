package io.voucherflow.keying.service;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.security.ForbiddenException;
import io.smallrye.mutiny.Uni;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.content.ContentStore;
import io.voucherflow.dispatch.service.DispatchService;
import io.voucherflow.keying.KeySubmission;
import io.voucherflow.keying.Keyer;
import io.voucherflow.keying.KeyerStats;
import io.voucherflow.keying.KeyingAssignment;
import io.voucherflow.keying.ShownTask;
import io.voucherflow.keying.repository.KeyerErrorRepository;
import io.voucherflow.keying.repository.KeyingTaskRepository;
import io.voucherflow.staff.Staff;
import io.voucherflow.staff.repository.DutySessionRepository;
import io.voucherflow.staff.repository.StaffRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Keying for a connected console (the keying WebSocket): who the keyer is and where they sit,
 * resolved once from the token at connect; the held tasks to show again after a reconnect; the
 * top-up to the prefetch credit with each slice image read; keys, skips and statistics.
 */
@ApplicationScoped
public class KeyingConsole {

  private final KeyingService keying;
  private final KeyingTaskRepository tasks;
  private final KeyingTaskFactory factory;
  private final StaffRepository staff;
  private final DutySessionRepository duty;
  private final DispatchService dispatch;
  private final ContentStore content;
  private final KeyerActivity activity;
  private final KeyerErrorRepository errors;

  @Inject
  public KeyingConsole(
      KeyingService keying,
      KeyingTaskRepository tasks,
      KeyingTaskFactory factory,
      StaffRepository staff,
      DutySessionRepository duty,
      DispatchService dispatch,
      ContentStore content,
      KeyerActivity activity,
      KeyerErrorRepository errors) {
    this.keying = keying;
    this.tasks = tasks;
    this.factory = factory;
    this.staff = staff;
    this.duty = duty;
    this.dispatch = dispatch;
    this.content = content;
    this.activity = activity;
    this.errors = errors;
  }

  /**
   * The keyer behind a token: an active member of staff signed in at a post. Read-only: a console
   * connects after the page has signed in at the post over REST, which binds the token subject.
   */
  public Uni<Keyer> keyer(String subject, String username) {
    return Panache.withSession(
        () ->
            staff
                .findBySubject(subject)
                .onItem()
                .ifNull()
                .switchTo(
                    () ->
                        staff
                            .findByUsername(username)
                            .map(s -> s == null || s.subject != null ? null : s))
                .chain(
                    (Staff me) -> {
                      if (me == null) {
                        throw new ForbiddenException("security.not-staff");
                      }
                      if (!me.active) {
                        throw new ForbiddenException("security.staff-inactive");
                      }
                      return duty.openFor(me.id)
                          .map(
                              d -> {
                                if (d == null) {
                                  throw new RuleViolationException(
                                      "keying.not-on-duty", "Sign in at a post to take its tasks");
                                }
                                return new Keyer(
                                    me.id,
                                    me.username,
                                    d.postCode,
                                    Set.copyOf(Arrays.asList(me.skills)));
                              });
                    }));
  }

  /** Whether the keyer is still signed in at the post they connected at (no forced sign-out). */
  public Uni<Boolean> stillOnDuty(Keyer k) {
    return Panache.withSession(
        () -> duty.openFor(k.id()).map(d -> d != null && d.postCode.equals(k.post())));
  }

  /** The tasks the keyer already holds (after a reconnect), to be shown again. */
  public Uni<List<ShownTask>> held(Keyer k) {
    return keying
        .heldBy(k.id())
        .chain(
            ids ->
                ids.isEmpty()
                    ? Uni.createFrom().item(List.<ShownTask>of())
                    : Uni.join()
                        .all(ids.stream().sorted().map(this::heldTask).toList())
                        .andFailFast()
                        .map(all -> all.stream().filter(Objects::nonNull).toList()));
  }

  private Uni<ShownTask> heldTask(UUID id) {
    return tasks
        .find(id)
        .chain(
            t ->
                t == null || t.state().finished()
                    ? Uni.createFrom().nullItem()
                    : shown(new KeyingAssignment(t.id(), factory.read(t.body()), null)));
  }

  /** Claims until the keyer holds {@code credit} tasks; answers the new ones with their images. */
  public Uni<List<ShownTask>> topUp(Keyer k, int credit) {
    return topUp(k, credit, 0, 0);
  }

  /**
   * Claims until the keyer holds {@code credit} tasks, and up to {@code ahead} more while the
   * post's queue holds at least {@code aheadWhenQueued}; answers the new ones with their images.
   */
  public Uni<List<ShownTask>> topUp(Keyer k, int credit, int ahead, long aheadWhenQueued) {
    return keying
        .claim(k.id(), k.post(), k.skills(), credit, ahead, aheadWhenQueued)
        .chain(
            leased ->
                leased.isEmpty()
                    ? Uni.createFrom().item(List.<ShownTask>of())
                    : Uni.join().all(leased.stream().map(this::shown).toList()).andFailFast());
  }

  private Uni<ShownTask> shown(KeyingAssignment a) {
    String sha = a.task().sliceSha256();
    if (sha == null) {
      return Uni.createFrom().item(new ShownTask(a, null));
    }
    return content.get(sha).onFailure().recoverWithNull().map(png -> new ShownTask(a, png));
  }

  /**
   * Records a key, answered once durable; {@code released} runs once the keyer no longer holds the
   * task, before the write (see {@link KeyingService#submit(long, UUID, KeySubmission, Runnable)}).
   */
  public Uni<Void> submit(Keyer k, UUID taskId, KeySubmission key, Runnable released) {
    return keying
        .submit(k.id(), taskId, key, released)
        .invoke(() -> activity.finished(k.id(), key.keystrokes(), Instant.now()));
  }

  public Uni<Void> unreadable(Keyer k, UUID taskId, Runnable released) {
    return keying
        .unreadable(k.id(), taskId, released)
        .invoke(() -> activity.finished(k.id(), null, Instant.now()));
  }

  public Uni<Void> skip(Keyer k, UUID taskId) {
    return keying.skip(k.id(), taskId);
  }

  /** Gives back a task the keyer held but never saw (work a console kept ahead). */
  public Uni<Void> giveBack(Keyer k, UUID taskId) {
    return keying.giveBack(k.id(), taskId);
  }

  /** Gives back everything the keyer holds (their last console closed); answers how many. */
  public Uni<Long> release(Keyer k) {
    return keying.releaseOnDisconnect(k.id());
  }

  /** The keyer's rates and accuracy over the statistics window, and their post's queue depth. */
  public Uni<KeyerStats> stats(Keyer k) {
    Instant now = Instant.now();
    KeyerActivity.Counts c = activity.counts(k.id(), now);
    return Uni.combine()
        .all()
        .unis(errors.countSince(k.id(), activity.windowStart(now)), dispatch.queued(k.post()))
        .with(
            (wrong, queued) ->
                new KeyerStats(
                    c.perHour(c.fields()),
                    c.perHour(c.keystrokes()),
                    c.fields() == 0
                        ? null
                        : Math.max(0.0, (c.fields() - wrong) / (double) c.fields()),
                    queued));
  }
}
