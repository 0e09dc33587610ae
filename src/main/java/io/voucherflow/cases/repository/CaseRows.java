package io.voucherflow.cases.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.cases.CaseToken;
import io.voucherflow.cases.HistoryEntry;
import java.util.Arrays;
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
