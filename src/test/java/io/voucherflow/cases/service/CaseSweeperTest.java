package io.voucherflow.cases.service;

import static io.voucherflow.cases.CaseFixtures.await;
import static io.voucherflow.cases.CaseFixtures.handOver;
import static io.voucherflow.cases.CaseFixtures.storeVoucher;
import static io.voucherflow.cases.CaseFixtures.words;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.voucherflow.cases.CaseInstance;
import io.voucherflow.cases.CaseState;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.repository.CaseRepository;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The sweep starts the cases of many handed-over vouchers at once, each exactly once. */
@QuarkusTest
class CaseSweeperTest {

  @Inject Pool pool;
  @Inject CaseRepository cases;
  @Inject CaseSweeper sweeper;

  @Test
  void shouldStartManyCasesConcurrentlyEachOnce() {
    List<UUID> vouchers = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      String amount = (1000 + i) + ".00";
      UUID voucher = storeVoucher(pool, "TRANSFER", amount, words(amount), true);
      handOver(pool, voucher);
      vouchers.add(voucher);
    }

    long started = System.nanoTime();
    await(() -> sweeper.sweep());
    System.out.printf(
        "Sweep started %d cases in %d ms%n",
        vouchers.size(), (System.nanoTime() - started) / 1_000_000);

    for (UUID voucher : vouchers) {
      CaseInstance c = await(() -> cases.findByVoucher(voucher));
      assertThat(c).as("case of " + voucher).isNotNull();
      assertThat(c.state()).isEqualTo(CaseState.RUNNING);
      List<CaseTask> tasks = await(() -> cases.tasksOf(c.id()));
      assertThat(tasks)
          .as("keying and nothing twice")
          .extracting(CaseTask::node)
          .containsExactlyInAnyOrder("key_first", "key_second");
    }
  }
}
