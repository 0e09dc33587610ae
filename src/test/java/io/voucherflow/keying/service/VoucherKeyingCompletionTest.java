package io.voucherflow.keying.service;

import static io.voucherflow.cases.CaseFixtures.await;
import static io.voucherflow.keying.KeyingFixtures.one;
import static io.voucherflow.keying.KeyingFixtures.storeVoucher;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.TaskState;
import io.voucherflow.cases.repository.CaseRepository;
import io.voucherflow.cases.service.CaseEngine;
import io.voucherflow.dispatch.repository.DispatchRepository;
import io.voucherflow.keying.KeySubmission;
import io.voucherflow.keying.KeyingAssignment;
import io.voucherflow.keying.KeyingFixtures.Field;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** A voucher's case reaches data entry; keying keys it field by field and the case moves on. */
@QuarkusTest
class VoucherKeyingCompletionTest {

  private static final AtomicLong KEYERS = new AtomicLong(800_000);

  @Inject Pool pool;
  @Inject CaseEngine engine;
  @Inject CaseRepository cases;
  @Inject KeyingIntake intake;
  @Inject KeyingService keying;
  @Inject DispatchRepository redis;
  @Inject KeyingRecovery recovery;

  @Test
  void shouldCompleteTheCaseKeyingTasksWithTheFinalValuesOnceEveryFieldIsFinal() {
    one(pool, "update keying_task set state = 'WITHDRAWN' where state in ('OPEN', 'LEASED')");
    await(() -> redis.forgetEverything());
    await(() -> redis.markBuilt());
    UUID v =
        storeVoucher(
            pool,
            List.of(
                Field.slice("amount_figures", "amount_figures"),
                Field.slice("amount_words", "amount_words")));
    UUID caseId = await(() -> engine.start(v));
    assertThat(keyTasks(caseId)).hasSize(2).allMatch(t -> t.state() == TaskState.OPEN);

    await(() -> intake.take(v));
    Map<String, String> values =
        Map.of("amount_figures", "1,409.50", "amount_words", "人民币壹仟肆佰零玖元伍角整");
    for (int done = 0; done < 4; ) {
      long keyer = KEYERS.incrementAndGet();
      for (KeyingAssignment a : await(() -> keying.claim(keyer, "KEYING", Set.of(), 2))) {
        String value = values.get(a.task().field());
        await(() -> keying.submit(keyer, a.taskId(), new KeySubmission(value, 9, 1200)));
        done++;
      }
    }

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> keyTasks(caseId).stream().allMatch(t -> t.state() == TaskState.DONE));
    for (CaseTask t : keyTasks(caseId)) {
      assertThat(t.completedBy()).isEqualTo(VoucherKeyingCompletion.ACTOR);
      assertThat(t.values())
          .containsEntry("amount_figures", "1409.50")
          .containsEntry("amount_words", "人民币壹仟肆佰零玖元伍角整");
    }
    // Both keyings carry the same values, so the case's comparison matches and it moves on.
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                await(() -> cases.history(caseId)).stream()
                    .anyMatch(h -> "compare".equals(h.node()) && "match".equals(h.outcome())));
  }

  @Test
  void shouldSettleAndCompleteWhatACrashLeftBehind() {
    UUID v = storeVoucher(pool, List.of(Field.slice("amount_figures", "amount_figures")));
    UUID caseId = await(() -> engine.start(v));
    await(() -> intake.take(v));
    // Both keys committed, then the process died before settling the field.
    one(
        pool,
        "update keying_task set state = 'DONE', keyed_value = '1409.50', leased_by = 1,"
            + " completed_at = now() - interval '1 minute' where voucher_id = $1",
        v);

    await(() -> recovery.recover());

    assertThat(keyTasks(caseId))
        .hasSize(2)
        .allSatisfy(
            t -> {
              assertThat(t.state()).isEqualTo(TaskState.DONE);
              assertThat(t.values()).containsEntry("amount_figures", "1409.50");
            });
  }

  @Test
  void shouldRecoverEveryVoucherKeyingWorksOnAPageAtATime() {
    List<UUID> cases = new java.util.ArrayList<>();
    for (int i = 0; i < 3; i++) {
      UUID v = storeVoucher(pool, List.of(Field.slice("amount_figures", "amount_figures")));
      cases.add(await(() -> engine.start(v)));
      await(() -> intake.take(v));
      one(
          pool,
          "update keying_task set state = 'DONE', keyed_value = '88.00', leased_by = 1,"
              + " completed_at = now() - interval '1 minute' where voucher_id = $1",
          v);
    }

    // One voucher a page: every page is looked at, not only the first.
    await(() -> recovery.recover(1));

    for (UUID caseId : cases) {
      assertThat(keyTasks(caseId))
          .allSatisfy(t -> assertThat(t.values()).containsEntry("amount_figures", "88.00"));
    }
  }

  private List<CaseTask> keyTasks(UUID caseId) {
    return await(() -> cases.tasksOf(caseId)).stream()
        .filter(t -> t.kind().equals("key_slice") || t.kind().equals("key_whole"))
        .toList();
  }
}
