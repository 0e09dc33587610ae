package io.voucherflow.staff.service;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.voucherflow.audit.service.AuditService;
import io.voucherflow.common.error.NotFoundException;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.security.Caller;
import io.voucherflow.staff.DutySession;
import io.voucherflow.staff.DutyView;
import io.voucherflow.staff.Staff;
import io.voucherflow.staff.TaskHoldings;
import io.voucherflow.staff.repository.DutySessionRepository;
import io.voucherflow.staff.repository.PostRepository;
import io.voucherflow.staff.repository.StaffRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

/**
 * Sign-in (签到) and sign-out (签退) at posts. Only staff on duty at a post receive its tasks; a member
 * of staff cannot sign out while holding unfinished tasks, but a supervisor can force it, which
 * returns those tasks to their queues.
 */
@ApplicationScoped
public class DutyService {

  private final DutySessionRepository sessions;
  private final StaffRepository staff;
  private final PostRepository posts;
  private final CurrentStaffService current;
  private final CallerScopeService scope;
  private final TaskHoldings holdings;
  private final Caller caller;
  private final AuditService audit;

  @Inject
  public DutyService(
      DutySessionRepository sessions,
      StaffRepository staff,
      PostRepository posts,
      CurrentStaffService current,
      CallerScopeService scope,
      TaskHoldings holdings,
      Caller caller,
      AuditService audit) {
    this.sessions = sessions;
    this.staff = staff;
    this.posts = posts;
    this.current = current;
    this.scope = scope;
    this.holdings = holdings;
    this.caller = caller;
    this.audit = audit;
  }

  /** The caller's open duty session, or null when signed out. */
  @WithTransaction
  public Uni<DutyView> mine() {
    return current
        .require()
        .chain(
            me -> sessions.openFor(me.id).map(d -> d == null ? null : DutyView.of(d, me.username)));
  }

  @WithTransaction
  public Uni<DutyView> signIn(String postCode) {
    return current
        .require()
        .chain(
            me ->
                posts
                    .findById(postCode)
                    .onItem()
                    .ifNull()
                    .failWith(() -> new NotFoundException("post.not-found", "No post " + postCode))
                    .invoke(
                        post -> {
                          if (!me.mayTake(postCode)) {
                            throw new RuleViolationException(
                                "duty.post-not-assigned",
                                me.username + " is not assigned to post " + postCode);
                          }
                        })
                    .chain(post -> sessions.openFor(me.id))
                    .chain(
                        open -> {
                          if (open != null && open.postCode.equals(postCode)) {
                            return Uni.createFrom().item(open);
                          }
                          if (open != null) {
                            throw new RuleViolationException(
                                "duty.already-signed-in",
                                me.username
                                    + " is signed in at "
                                    + open.postCode
                                    + "; sign out there first");
                          }
                          DutySession session = new DutySession();
                          session.staffId = me.id;
                          session.postCode = postCode;
                          session.signedInAt = now();
                          return sessions
                              .persist(session)
                              .call(
                                  s ->
                                      audit.record(
                                          "duty.signed-in",
                                          "staff",
                                          me.username,
                                          Map.of("postCode", postCode)));
                        })
                    .map(s -> DutyView.of(s, me.username)));
  }

  @WithTransaction
  public Uni<DutyView> signOut() {
    return current
        .require()
        .chain(
            me ->
                requireOpen(me)
                    .call(
                        open ->
                            holdings
                                .countHeldBy(me.id)
                                .invoke(
                                    held -> {
                                      if (held > 0) {
                                        throw new RuleViolationException(
                                            "duty.sign-out.tasks-held",
                                            me.username
                                                + " holds "
                                                + held
                                                + " unfinished task(s); finish them or ask a supervisor to force sign-out");
                                      }
                                    }))
                    .chain(open -> close(open, me, false, 0)));
  }

  /** A supervisor ends someone's duty; their unfinished tasks go back to the queues. */
  @WithTransaction
  public Uni<DutyView> forceSignOut(String username) {
    return staff
        .findByUsername(username)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFoundException("staff.not-found", "No member of staff " + username))
        .call(this::requireInSupervisorScope)
        .chain(
            target ->
                requireOpen(target)
                    .chain(
                        open ->
                            holdings
                                .requeueHeldBy(target.id)
                                .chain(
                                    requeued -> close(open, target, true, requeued.intValue()))));
  }

  /** Who is on duty at a post now. */
  @WithSession
  public Uni<List<DutyView>> onDutyAt(String postCode) {
    return posts
        .findById(postCode)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFoundException("post.not-found", "No post " + postCode))
        .chain(post -> sessions.openAt(postCode))
        .chain(
            open ->
                staff
                    .listAll()
                    .map(
                        all ->
                            open.stream()
                                .map(
                                    d ->
                                        DutyView.of(
                                            d,
                                            all.stream()
                                                .filter(s -> s.id.equals(d.staffId))
                                                .findFirst()
                                                .map(s -> s.username)
                                                .orElse(null)))
                                .toList()));
  }

  private Uni<DutySession> requireOpen(Staff member) {
    return sessions
        .openFor(member.id)
        .onItem()
        .ifNull()
        .failWith(
            () ->
                new RuleViolationException(
                    "duty.not-signed-in", member.username + " is not signed in at any post"));
  }

  private Uni<Void> requireInSupervisorScope(Staff target) {
    return scope
        .visibleUnits()
        .invoke(
            visible -> {
              if (!visible.includes(target.orgUnitId)) {
                throw new NotFoundException(
                    "staff.not-found", "No member of staff " + target.username);
              }
            })
        .replaceWithVoid();
  }

  private Uni<DutyView> close(DutySession open, Staff member, boolean forced, int requeued) {
    open.signedOutAt = now();
    open.signedOutBy = caller.username();
    open.forced = forced;
    open.requeuedTasks = requeued;
    String action = forced ? "duty.forced-sign-out" : "duty.signed-out";
    return audit
        .record(
            action,
            "staff",
            member.username,
            Map.of("postCode", open.postCode, "requeuedTasks", requeued))
        .map(e -> DutyView.of(open, member.username));
  }

  private static Instant now() {
    return Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
