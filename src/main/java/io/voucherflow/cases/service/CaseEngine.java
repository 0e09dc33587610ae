package io.voucherflow.cases.service;

import io.smallrye.mutiny.Uni;
import io.voucherflow.cases.CaseInstance;
import io.voucherflow.cases.CaseState;
import io.voucherflow.cases.CaseToken;
import io.voucherflow.cases.StaleCaseException;
import io.voucherflow.cases.StepPlan;
import io.voucherflow.cases.TokenState;
import io.voucherflow.cases.config.CasesConfig;
import io.voucherflow.cases.repository.CaseRepository;
import io.voucherflow.cases.repository.CaseStarts;
import io.voucherflow.cases.repository.CaseWriter;
import io.voucherflow.common.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Runs cases: starts a voucher's case and advances it step by step until every token waits for a
 * person (or the case ends); {@link TaskCompletions} applies tasks. Each step is one transaction
 * guarded by the case's version, so a concurrent or retried step is refused and re-read, never
 * applied twice.
 */
@ApplicationScoped
public class CaseEngine {

  private static final Logger LOG = Logger.getLogger(CaseEngine.class);

  private final CaseRepository cases;
  private final CaseWriter writer;
  private final CaseStarts starts;
  private final StepPlanner planner;
  private final ProcessCatalog catalog;
  private final CaseFacts facts;
  private final CasesConfig config;
  private final CaseQueue queue;

  @Inject
  public CaseEngine(
      CaseRepository cases,
      CaseWriter writer,
      CaseStarts starts,
      StepPlanner planner,
      ProcessCatalog catalog,
      CaseFacts facts,
      CasesConfig config,
      CaseQueue queue) {
    this.cases = cases;
    this.writer = writer;
    this.starts = starts;
    this.planner = planner;
    this.catalog = catalog;
    this.facts = facts;
    this.config = config;
    this.queue = queue;
  }

  /**
   * The voucher's case, started on the process version bound to its business type (NO_PROCESS when
   * none is), then advanced. Starting twice finds the first case.
   */
  public Uni<UUID> start(UUID voucherId) {
    return cases
        .businessTypeOf(voucherId)
        .onItem()
        .ifNull()
        .failWith(() -> new NotFoundException("voucher.not-found", "No voucher " + voucherId))
        .chain(
            type ->
                catalog
                    .boundTo(type)
                    .chain(
                        d ->
                            d == null
                                ? starts.create(voucherId, type, null, null, null)
                                : starts.create(voucherId, type, d.code(), d.version(), d.start())))
        .call(caseId -> queue.run(caseId, () -> advanceOrLeave(caseId)));
  }

  /** Starts a NO_PROCESS case if a process is now bound to its business type. */
  public Uni<Void> retryBinding(UUID caseId) {
    return cases
        .find(caseId)
        .chain(
            c ->
                c == null || c.state() != CaseState.NO_PROCESS
                    ? Uni.createFrom().item(false)
                    : catalog
                        .boundTo(c.businessType())
                        .chain(
                            d ->
                                d == null
                                    ? Uni.createFrom().item(false)
                                    : starts.bind(c, d.code(), d.version(), d.start())))
        .chain(bound -> bound ? advance(caseId) : Uni.createFrom().voidItem());
  }

  /**
   * Runs the case's automatic work until nothing is left that needs no person, after the case's
   * earlier work on this instance ({@link CaseQueue}).
   */
  public Uni<Void> advance(UUID caseId) {
    return queue.run(caseId, () -> advanceHeld(caseId));
  }

  /**
   * {@link #advance} for a caller that already holds the case in the {@link CaseQueue} (tests use
   * it to stand in for another instance, which only the version guard keeps out).
   */
  Uni<Void> advanceHeld(UUID caseId) {
    return advance(caseId, 0);
  }

  /**
   * Advances, the case held, after a committed start or completion; a failing step is logged and
   * left to the sweep, since what the caller asked for is done.
   */
  Uni<Void> advanceOrLeave(UUID caseId) {
    return advanceHeld(caseId)
        .onFailure()
        .recoverWithItem(
            e -> {
              LOG.errorf(e, "Case %s stopped at a failing step; the sweep retries it", caseId);
              return null;
            });
  }

  private Uni<Void> advance(UUID caseId, int steps) {
    return advance(caseId, steps, new KnownFacts());
  }

  private Uni<Void> advance(UUID caseId, int steps, KnownFacts known) {
    if (steps >= config.maxStepsPerAdvance()) {
      LOG.warnf("Case %s took %d steps in one advance; the sweep goes on later", caseId, steps);
      return Uni.createFrom().voidItem();
    }
    return run(caseId, known)
        .chain(
            done ->
                done.more()
                    ? advance(caseId, steps + done.steps(), known)
                    : Uni.createFrom().voidItem());
  }

  /**
   * Steps planned in one go, and whether the case may have more automatic work: false when the plan
   * ran until no token was active (reading the case again would only find that out).
   */
  record Planned(int steps, boolean more) {

    static final Planned NOTHING = new Planned(0, false);
  }

  /**
   * Plans the case's automatic steps one after another in memory, each from the tokens the ones
   * before it left, and writes them in one transaction guarded by the version read (a step costs
   * its planning, not a transaction of its own). Answers how many steps were written and whether
   * more may follow (nothing when only people can move the case now; a stale read is read again).
   */
  private Uni<Planned> run(UUID caseId, KnownFacts known) {
    return cases
        .find(caseId)
        .chain(
            c -> {
              if (c == null || c.state() != CaseState.RUNNING) {
                return Uni.createFrom().item(Planned.NOTHING);
              }
              return cases
                  .liveTokens(caseId)
                  .chain(
                      live -> {
                        if (live.stream().noneMatch(t -> t.state() == TokenState.ACTIVE)) {
                          return Uni.createFrom().item(Planned.NOTHING);
                        }
                        StepPlan merged = new StepPlan(c);
                        return known
                            .of(c.voucherId(), facts)
                            .chain(f -> plan(c, new ArrayList<>(live), f, merged, 0, false))
                            .call(steps -> writer.apply(merged));
                      });
            })
        .onFailure(StaleCaseException.class)
        .recoverWithItem(
            () -> {
              known.forget();
              return new Planned(1, true);
            });
  }

  /**
   * Adds to a planned step (a task's completion) the automatic steps that follow it, so they commit
   * with it: a completion and the run it sets off cost one transaction and one read. Answers
   * whether the case may have automatic work left once the plan is written (it stops before a step
   * that reads committed tasks, or at the step limit).
   */
  Uni<Boolean> onward(
      CaseInstance c, List<CaseToken> live, Map<String, Object> facts, StepPlan first) {
    if (first.endState() != null) {
      return Uni.createFrom().item(false);
    }
    List<CaseToken> after = new ArrayList<>(live);
    moveOn(after, first.tokens());
    return plan(c, after, facts, first, 1, true).map(Planned::more);
  }

  private Uni<Planned> plan(
      CaseInstance c,
      List<CaseToken> live,
      Map<String, Object> facts,
      StepPlan merged,
      int planned,
      boolean uncommittedCompletion) {
    Optional<CaseToken> next =
        live.stream().filter(t -> t.state() == TokenState.ACTIVE).findFirst();
    if (next.isEmpty()) {
      return Uni.createFrom().item(new Planned(planned, false));
    }
    if (planned >= config.stepsPerTransaction()) {
      return Uni.createFrom().item(new Planned(planned, true));
    }
    Uni<Boolean> stop =
        uncommittedCompletion
            ? planner.readsCommittedTasks(next.get())
            : Uni.createFrom().item(false);
    return stop.chain(
        before ->
            before
                ? Uni.createFrom().item(new Planned(planned, true))
                : planner
                    .plan(c, List.copyOf(live), next.get(), facts)
                    .chain(
                        p -> {
                          merged.absorb(p);
                          if (p.endState() != null) {
                            return Uni.createFrom().item(new Planned(planned + 1, false));
                          }
                          moveOn(live, p.tokens());
                          return plan(c, live, facts, merged, planned + 1, uncommittedCompletion);
                        }));
  }

  /**
   * The live tokens as the database would list them after the step: ended ones gone, changed ones
   * in place, new ones last in the order the step made them (their rows take the clock in that
   * order).
   */
  private static void moveOn(List<CaseToken> live, List<CaseToken> written) {
    for (CaseToken t : written) {
      int at = -1;
      for (int i = 0; i < live.size(); i++) {
        if (live.get(i).id().equals(t.id())) {
          at = i;
          break;
        }
      }
      if (t.state() == TokenState.ENDED) {
        if (at >= 0) {
          live.remove(at);
        }
      } else if (at >= 0) {
        live.set(at, t);
      } else {
        live.add(t);
      }
    }
  }

  /**
   * One step of the case's oldest active token; true when something was done or the read went stale
   * (read again), false when only people can move the case now.
   */
  public Uni<Boolean> step(UUID caseId) {
    return step(caseId, new KnownFacts());
  }

  private Uni<Boolean> step(UUID caseId, KnownFacts known) {
    return cases
        .find(caseId)
        .chain(
            c -> {
              if (c == null || c.state() != CaseState.RUNNING) {
                return Uni.createFrom().item(false);
              }
              return cases
                  .liveTokens(caseId)
                  .chain(
                      live ->
                          live.stream()
                              .filter(t -> t.state() == TokenState.ACTIVE)
                              .findFirst()
                              .map(
                                  t ->
                                      known
                                          .of(c.voucherId(), facts)
                                          .chain(f -> planner.plan(c, live, t, f))
                                          .chain(writer::apply)
                                          .replaceWith(true))
                              .orElseGet(() -> Uni.createFrom().item(false)));
            })
        .onFailure(StaleCaseException.class)
        .recoverWithItem(
            () -> {
              known.forget();
              return true;
            });
  }

  /**
   * The voucher's facts, read once for a run of automatic steps rather than once per step (three
   * queries and a session each time): automatic steps change nothing a rule reads, and whatever
   * people change (a completion, a keyed field) is followed by an advance of its own, which reads
   * them again. Facts were never read in the step's transaction, so no guarantee rests on
   * re-reading them; a stale step still forgets them and reads everything again.
   */
  private static final class KnownFacts {
    private Map<String, Object> facts;

    Uni<Map<String, Object>> of(UUID voucherId, CaseFacts source) {
      Map<String, Object> known = facts;
      return known != null
          ? Uni.createFrom().item(known)
          : source.of(voucherId).invoke(f -> facts = f);
    }

    void forget() {
      facts = null;
    }
  }
}
