package io.voucherflow.keying.service;

import static io.voucherflow.cases.CaseFixtures.await;
import static io.voucherflow.keying.KeyingFixtures.one;
import static io.voucherflow.keying.KeyingFixtures.storeVoucher;
import static io.voucherflow.keying.KeyingFixtures.tasksOf;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.voucherflow.cases.service.CaseEngine;
import io.voucherflow.dispatch.repository.DispatchRepository;
import io.voucherflow.keying.KeyingFixtures.Field;
import io.voucherflow.keying.config.KeyingConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The keying intake takes over the keying case tasks the case engine opens: each second among those
 * created within the lookback, and now and then among all of them, so a voucher the short looks
 * missed is still keyed.
 */
@QuarkusTest
class KeyingIntakeTest {

  @Inject Pool pool;
  @Inject CaseEngine engine;
  @Inject KeyingIntake intake;
  @Inject KeyingConfig config;
  @Inject DispatchRepository redis;

  @BeforeEach
  void takeOverWhatEarlierTestsLeftWaiting() {
    // Vouchers of other tests (and of earlier runs on this database) waiting for keying: a full
    // look takes a batch of the oldest, so the ones made here would not be in it.
    while (await(() -> intake.sweep()) >= config.intakeBatch()) {
      // Next batch.
    }
  }

  @AfterEach
  void withdrawWhatTheLooksQueued() {
    one(pool, "update keying_task set state = 'WITHDRAWN' where state in ('OPEN', 'LEASED')");
    await(() -> redis.forgetEverything());
    await(() -> redis.markBuilt());
  }

  @Test
  void shouldTakeOverANewVoucherInAShortLookAndAnOlderOneOnlyInAFullLook() {
    UUID older = voucherWaitingSince(Duration.ofMinutes(10));
    UUID fresh = voucherWaitingSince(Duration.ZERO);

    await(() -> intake.sweepRecent());

    assertThat(tasksOf(pool, fresh)).containsKey("amount_figures#1");
    assertThat(tasksOf(pool, older)).isEmpty();

    await(() -> intake.sweep());

    assertThat(tasksOf(pool, older)).containsKey("amount_figures#1");
  }

  @Test
  void shouldFindAVoucherTheShortLooksMissedByGoingRoundTheOpenCaseTasks() {
    await(() -> intake.look());
    UUID older = voucherWaitingSince(Duration.ofMinutes(10));
    UUID fresh = voucherWaitingSince(Duration.ZERO);
    long open =
        one(
                pool,
                "select count(*) as n from case_task where state = 'OPEN'"
                    + " and kind in ('key_slice', 'key_whole')")
            .getLong("n");

    await(() -> intake.look());
    assertThat(tasksOf(pool, fresh)).as("taken by the next look").containsKey("amount_figures#1");

    // Round the open keying case tasks a chunk a look: to the end, then from the start to it.
    long looks = 2 * (open / config.intakeChunk() + 1) + 1;
    for (long i = 0; i < looks && tasksOf(pool, older).isEmpty(); i++) {
      await(() -> intake.look());
    }
    assertThat(tasksOf(pool, older)).as("taken by a rolling look").containsKey("amount_figures#1");
  }

  /** A voucher whose case reached keying {@code ago}. */
  private UUID voucherWaitingSince(Duration ago) {
    UUID v = storeVoucher(pool, List.of(Field.slice("amount_figures", "amount_figures")));
    await(() -> engine.start(v));
    one(
        pool,
        "update case_task set created_at = created_at - make_interval(secs => $2) where case_id"
            + " in (select id from case_instance where voucher_id = $1)",
        v,
        (double) ago.toSeconds());
    return v;
  }
}
