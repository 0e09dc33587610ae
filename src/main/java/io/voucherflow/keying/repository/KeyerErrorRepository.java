package io.voucherflow.keying.repository;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;

/** Keys found wrong at settlement, per keyer (keying_error, indexed by keyer and time). */
@ApplicationScoped
public class KeyerErrorRepository {

  private final Pool pool;

  @Inject
  public KeyerErrorRepository(Pool pool) {
    this.pool = pool;
  }

  /** How many of the keyer's keys were found wrong since then. */
  public Uni<Long> countSince(long keyer, Instant since) {
    return pool.preparedQuery(
            "select count(*) from keying_error where keyer_id = $1 and recorded_at >= $2")
        .execute(Tuple.of(keyer, since.atOffset(ZoneOffset.UTC)))
        .map(rows -> rows.iterator().next().getLong(0));
  }
}
