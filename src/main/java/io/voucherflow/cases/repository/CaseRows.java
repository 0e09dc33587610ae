package io.voucherflow.cases.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.cases.CaseToken;
import io.voucherflow.cases.HistoryEntry;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Token and history rows, as both case creation and engine steps write them. */
final class CaseRows {

  static final String UPSERT_TOKEN =
      "insert into case_token (id, case_id, stack, process_code, process_version, node_id, scope,"
          + " state, step) values ($1, $2, $3::text::jsonb, $4, $5, $6, $7, $8, $9)"
          + " on conflict (id) do update set stack = excluded.stack,"
          + " process_code = excluded.process_code, process_version = excluded.process_version,"
          + " node_id = excluded.node_id, scope = excluded.scope, state = excluded.state,"
          + " step = excluded.step, updated_at = now()";
  static final String INSERT_HISTORY =
      "insert into case_history (case_id, token_id, seq, event, process_code, process_version,"
          + " node_id, actor, rule_code, rule_version, outcome, facts, detail)"
          + " values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::text::jsonb, $13)";
  private final CaseJson json;

  CaseRows(ObjectMapper mapper) {
    this.json = new CaseJson(mapper);
  }

  CaseJson json() {
    return json;
  }

  /**
   * Every token a step writes in one statement, in the order given (new rows take the clock so).
   */
  static final String UPSERT_TOKEN_ROWS =
      "insert into case_token (id, case_id, stack, process_code, process_version, node_id, scope,"
          + " state, step) select u.id, $1, u.stack::jsonb, u.process, u.pv, u.node, u.scope,"
          + " u.state, u.step from unnest($2::uuid[], $3::text[], $4::text[], $5::int[],"
          + " $6::text[], $7::text[], $8::text[], $9::int[]) with ordinality"
          + " as u(id, stack, process, pv, node, scope, state, step, n) order by u.n"
          + " on conflict (id) do update set stack = excluded.stack,"
          + " process_code = excluded.process_code, process_version = excluded.process_version,"
          + " node_id = excluded.node_id, scope = excluded.scope, state = excluded.state,"
          + " step = excluded.step, updated_at = now()";

  /** The arguments of {@link #UPSERT_TOKEN_ROWS}: the case, then one array per column. */
  Tuple tokenRows(UUID caseId, List<CaseToken> tokens) {
    int n = tokens.size();
    UUID[] id = new UUID[n];
    String[] stack = new String[n];
    String[] process = new String[n];
    Integer[] version = new Integer[n];
    String[] node = new String[n];
    String[] scope = new String[n];
    String[] state = new String[n];
    Integer[] step = new Integer[n];
    for (int i = 0; i < n; i++) {
      CaseToken t = tokens.get(i);
      if (!t.caseId().equals(caseId)) {
        throw new IllegalArgumentException("token " + t.id() + " is not of case " + caseId);
      }
      id[i] = t.id();
      stack[i] = json.write(t.stack());
      process[i] = t.process();
      version[i] = t.version();
      node[i] = t.node();
      scope[i] = t.scope();
      state[i] = t.state().name();
      step[i] = t.step();
    }
    return Tuple.tuple(
        Arrays.asList(caseId, id, stack, process, version, node, scope, state, step));
  }

  Tuple token(CaseToken t) {
    return Tuple.tuple(
        Arrays.asList(
            t.id(),
            t.caseId(),
            json.write(t.stack()),
            t.process(),
            t.version(),
            t.node(),
            t.scope(),
            t.state().name(),
            t.step()));
  }

  /**
   * Every history row of a step in one statement: a run of automatic steps writes dozens, and one
   * statement costs the database a fraction of dozens (rows keep their order, so their ids do).
   */
  static final String INSERT_HISTORY_ROWS =
      "insert into case_history (case_id, token_id, seq, event, process_code, process_version,"
          + " node_id, actor, rule_code, rule_version, outcome, facts, detail)"
          + " select $1, u.token, u.seq, u.event, u.process, u.pv, u.node, u.actor, u.rule, u.rv,"
          + " u.outcome, u.facts::jsonb, u.detail from unnest($2::uuid[], $3::int[], $4::text[],"
          + " $5::text[], $6::int[], $7::text[], $8::text[], $9::text[], $10::int[], $11::text[],"
          + " $12::text[], $13::text[]) with ordinality"
          + " as u(token, seq, event, process, pv, node, actor, rule, rv, outcome, facts, detail, n)"
          + " order by u.n";

  /** The arguments of {@link #INSERT_HISTORY_ROWS}: one array per column. */
  Tuple historyRows(UUID caseId, List<HistoryEntry> rows) {
    int n = rows.size();
    UUID[] token = new UUID[n];
    Integer[] seq = new Integer[n];
    String[] event = new String[n];
    String[] process = new String[n];
    Integer[] processVersion = new Integer[n];
    String[] node = new String[n];
    String[] actor = new String[n];
    String[] rule = new String[n];
    Integer[] ruleVersion = new Integer[n];
    String[] outcome = new String[n];
    String[] facts = new String[n];
    String[] detail = new String[n];
    for (int i = 0; i < n; i++) {
      HistoryEntry h = rows.get(i);
      token[i] = h.tokenId();
      seq[i] = h.seq();
      event[i] = h.event();
      process[i] = h.process();
      processVersion[i] = h.processVersion();
      node[i] = h.node();
      actor[i] = h.actor();
      rule[i] = h.rule();
      ruleVersion[i] = h.ruleVersion();
      outcome[i] = h.outcome();
      facts[i] = json.write(h.facts());
      detail[i] = h.detail();
    }
    return Tuple.tuple(
        Arrays.asList(
            caseId,
            token,
            seq,
            event,
            process,
            processVersion,
            node,
            actor,
            rule,
            ruleVersion,
            outcome,
            facts,
            detail));
  }

  Tuple history(UUID caseId, HistoryEntry h) {
    return Tuple.tuple(
        Arrays.asList(
            caseId,
            h.tokenId(),
            h.seq(),
            h.event(),
            h.process(),
            h.processVersion(),
            h.node(),
            h.actor(),
            h.rule(),
            h.ruleVersion(),
            h.outcome(),
            json.write(h.facts()),
            h.detail()));
  }
}
