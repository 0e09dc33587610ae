package io.voucherflow.cases.service;

import io.voucherflow.cases.CaseToken;
import io.voucherflow.cases.Decision;
import io.voucherflow.cases.HistoryEntry;
import io.voucherflow.cases.StepPlan;
import io.voucherflow.cases.TokenState;
import io.voucherflow.process.ProcessDefinition;
import io.voucherflow.process.ProcessNode;
import io.voucherflow.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How tokens move: along a transition, apart at a fork, together at a join. */
@ApplicationScoped
public class Moves {

  private final Routing routing;

  @Inject
  public Moves(Routing routing) {
    this.routing = routing;
  }

  /** The token leaves its node with the decision's outcome and enters the node routing picks. */
  public StepPlan leave(
      StepPlan plan,
      ProcessDefinition d,
      CaseToken t,
      Decision decision,
      String actor,
      Map<String, Object> facts) {
    Routing.Taken taken = routing.next(d, t.node(), decision.outcome(), facts);
    Map<String, Object> read = new LinkedHashMap<>();
    if (decision.facts() != null) {
      read.putAll(decision.facts());
    }
    if (taken.facts() != null) {
      read.putAll(taken.facts());
    }
    String detail = join(decision.detail(), taken.detail());
    CaseToken moved = t.at(taken.to(), TokenState.ACTIVE, t.step() + 2);
    return plan.history(
            new HistoryEntry(
                t.id(),
                t.step() + 1,
                "LEFT",
                t.process(),
                t.version(),
                t.node(),
                actor,
                decision.rule(),
                decision.ruleVersion(),
                decision.outcome(),
                read.isEmpty() ? null : read,
                detail,
                null))
        .history(entry(moved, "ENTERED", Caller.SYSTEM, null, null))
        .token(moved);
  }

  /** A fork: the token ends and one token starts on every outgoing transition. */
  public StepPlan fork(StepPlan plan, ProcessDefinition d, CaseToken t) {
    CaseToken gone = t.at(t.node(), TokenState.ENDED, t.step() + 1);
    plan.token(gone).history(entry(gone, "LEFT", Caller.SYSTEM, null, "forked"));
    String scope = t.scope() + "/" + t.id();
    d.transitions().stream()
        .filter(tr -> tr.from().equals(t.node()))
        .forEach(
            tr -> {
              CaseToken child =
                  new CaseToken(
                      UUID.randomUUID(),
                      t.caseId(),
                      t.stack(),
                      t.process(),
                      t.version(),
                      tr.to(),
                      scope,
                      TokenState.ACTIVE,
                      0);
              plan.token(child)
                  .history(entry(child, "ENTERED", Caller.SYSTEM, null, "branch of " + t.node()));
            });
    return plan;
  }

  /**
   * A join: the token waits until one token of each of its fork's branches (same fork instance,
   * same call frames) has arrived; the last to arrive ends them all and one token goes on.
   */
  public StepPlan join(
      StepPlan plan,
      ProcessDefinition d,
      List<CaseToken> live,
      CaseToken t,
      ProcessNode node,
      Map<String, Object> facts) {
    List<CaseToken> arrived = new ArrayList<>();
    live.stream()
        .filter(o -> !o.id().equals(t.id()) && o.state() == TokenState.JOINING)
        .filter(o -> o.node().equals(t.node()) && o.process().equals(t.process()))
        .filter(o -> o.version() == t.version() && o.scope().equals(t.scope()))
        .filter(o -> o.stack().equals(t.stack()))
        .forEach(arrived::add);
    arrived.add(t);
    long branches = d.transitions().stream().filter(tr -> tr.from().equals(node.fork())).count();
    if (arrived.size() < branches) {
      return plan.token(t.withState(TokenState.JOINING));
    }
    for (CaseToken o : arrived) {
      CaseToken ended = o.at(o.node(), TokenState.ENDED, o.step() + 1);
      plan.token(ended).history(entry(ended, "LEFT", Caller.SYSTEM, null, "joined"));
    }
    CaseToken joined =
        new CaseToken(
            UUID.randomUUID(),
            t.caseId(),
            t.stack(),
            t.process(),
            t.version(),
            t.node(),
            t.parentScope(),
            TokenState.ACTIVE,
            0);
    plan.history(
        entry(joined, "ENTERED", Caller.SYSTEM, null, "all " + branches + " branches arrived"));
    return leave(plan, d, joined, Decision.plain(null, null), Caller.SYSTEM, facts);
  }

  /** A history row for the token where it is now, at its current sequence number. */
  static HistoryEntry entry(
      CaseToken t, String event, String actor, String outcome, String detail) {
    return new HistoryEntry(
        t.id(),
        t.step(),
        event,
        t.process(),
        t.version(),
        t.node(),
        actor,
        null,
        null,
        outcome,
        null,
        detail,
        null);
  }

  private static String join(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : a + "; " + b;
  }
}
