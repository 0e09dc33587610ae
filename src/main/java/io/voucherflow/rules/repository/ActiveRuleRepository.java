package io.voucherflow.rules.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.rules.RuleKind;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the active version of rules straight from the SQL pool.
 *
 * <p>Not through Hibernate: reloads are started by Redis messages and timers, outside any request
 * or Vert.x duplicated context a reactive session needs.
 */
@ApplicationScoped
public class ActiveRuleRepository {

  private static final String SELECT =
      "select r.code, r.kind, r.active_version, r.activation_seq, v.expression"
          + " from rule_definition r join rule_version v"
          + " on v.rule_id = r.id and v.version = r.active_version";

  /** The active version of one rule, as stored. */
  public record ActiveVersion(
      String code, RuleKind kind, int version, long activationSeq, String expression) {}

  private final Pool pool;

  @Inject
  public ActiveRuleRepository(Pool pool) {
    this.pool = pool;
  }

  /** Every rule that has an active version. */
  public Uni<List<ActiveVersion>> all() {
    return pool.query(SELECT).execute().map(ActiveRuleRepository::map);
  }

  /** The active version of {@code code}; null when the rule has none (or does not exist). */
  public Uni<ActiveVersion> of(String code) {
    return pool.preparedQuery(SELECT + " where r.code = $1")
        .execute(Tuple.of(code))
        .map(rows -> map(rows).stream().findFirst().orElse(null));
  }

  private static List<ActiveVersion> map(Iterable<Row> rows) {
    List<ActiveVersion> out = new ArrayList<>();
    for (Row r : rows) {
      out.add(
          new ActiveVersion(
              r.getString("code"),
              RuleKind.valueOf(r.getString("kind")),
              r.getInteger("active_version"),
              r.getLong("activation_seq"),
              r.getString("expression")));
    }
    return out;
  }
}
