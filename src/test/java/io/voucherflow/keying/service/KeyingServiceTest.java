package io.voucherflow.keying.service;

import static io.voucherflow.cases.CaseFixtures.await;
import static io.voucherflow.keying.KeyingFixtures.one;
import static io.voucherflow.keying.KeyingFixtures.storeVoucher;
import static io.voucherflow.keying.KeyingFixtures.tasksOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.voucherflow.common.error.VoucherFlowException;
import io.voucherflow.dispatch.repository.DispatchRepository;
import io.voucherflow.dispatch.service.DispatchService;
import io.voucherflow.dispatch.service.DispatchWakeUps;
import io.voucherflow.dispatch.service.QueueRebuilder;
import io.voucherflow.keying.FieldKeys;
import io.voucherflow.keying.KeySubmission;
import io.voucherflow.keying.KeyingAssignment;
import io.voucherflow.keying.KeyingFixtures.Field;
import io.voucherflow.keying.KeyingKind;
import io.voucherflow.keying.Settlement;
import io.voucherflow.keying.repository.KeyingTaskRepository;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher and keying against the real Redis and PostgreSQL. */
@QuarkusTest
class KeyingServiceTest {

  private static final String KEYING = "KEYING";
  private static final String ARBITRATION = "ARBITRATION";
  private static final AtomicLong KEYERS = new AtomicLong(900_000);

  @Inject Pool pool;
  @Inject KeyingService keying;
  @Inject KeyingIntake intake;
  @Inject DispatchService dispatch;
  @Inject DispatchRepository redis;
  @Inject QueueRebuilder rebuilder;
  @Inject DispatchWakeUps wakeUps;
  @Inject KeyingTaskRepository tasks;

  /** Each test starts from empty queues: what earlier tests left open is withdrawn. */
  @BeforeEach
  void emptyQueues() {
    one(pool, "update keying_task set state = 'WITHDRAWN' where state in ('OPEN', 'LEASED')");
    await(() -> redis.forgetEverything());
    await(() -> redis.markBuilt());
  }

  @Test
  void shouldGiveAKeyerOnlyTasksOfItsPostAndSkills() {
    UUID v = queued(List.of(Field.slice("amount", "amount_figures"), Field.slice("payee", "text")));
    long keyer = keyer();

    assertThat(claim(keyer, ARBITRATION, Set.of("amount"), 10)).isEmpty();
    List<KeyingAssignment> got = claim(keyer, KEYING, Set.of("amount"), 10);

    // One key of the amount; never its second key, never the name it has no skill for.
    assertThat(got)
        .singleElement()
        .satisfies(a -> assertThat(a.task().field()).isEqualTo("amount"));
    assertThat(got.getFirst().task().voucherId()).isEqualTo(v);
    assertThat(got.getFirst().task().sliceSha256()).isEqualTo("ab".repeat(32));
  }

  @Test
  void shouldShowOneKeyerAtMostTwoSlicesOfAVoucherAndNeverBothKeysOfAField() {
    queued(
        List.of(
            Field.slice("d1", "date"),
            Field.slice("d2", "date"),
            Field.slice("d3", "date"),
            Field.slice("d4", "date")));

    List<KeyingAssignment> first = claim(keyer(), KEYING, Set.of(), 10);
    List<KeyingAssignment> second = claim(keyer(), KEYING, Set.of(), 10);

    assertThat(first).hasSize(2);
    assertThat(first.stream().map(a -> a.task().field()).distinct()).hasSize(2);
    assertThat(second).hasSize(2);
    assertThat(second.stream().map(a -> a.task().field()).distinct()).hasSize(2);
  }

  @Test
  void shouldHoldNoMoreThanItsCredit() {
    queued(List.of(Field.slice("d1", "date"), Field.slice("d2", "date")));
    queued(List.of(Field.slice("d1", "date"), Field.slice("d2", "date")));
    long keyer = keyer();

    assertThat(claim(keyer, KEYING, Set.of(), 2)).hasSize(2);
    assertThat(claim(keyer, KEYING, Set.of(), 2)).isEmpty();
    assertThat(await(() -> keying.heldBy(keyer))).hasSize(2);
  }

  @Test
  void shouldReturnAnExpiredLeaseToItsQueueAndRefuseTheLateSubmit() {
    queued(List.of(Field.slice("d1", "date")));
    long late = keyer();
    KeyingAssignment mine =
        await(() -> keying.claim(late, KEYING, Set.of(), 1, Duration.ofSeconds(1))).getFirst();
    long other = keyer();
    assertThat(claim(other, KEYING, Set.of(), 1)).hasSize(1);

    long third = keyer();
    await()
        .atMost(Duration.ofSeconds(15))
        .until(() -> !claim(third, KEYING, Set.of(), 1).isEmpty());

    assertThat(await(() -> keying.heldBy(third))).containsExactly(mine.taskId());
    assertThat(await(() -> keying.heldBy(late))).isEmpty();
    assertThatThrownBy(() -> await(() -> keying.submit(late, mine.taskId(), key("2026-01-15"))))
        .isInstanceOfSatisfying(
            VoucherFlowException.class,
            e -> assertThat(e.code()).isEqualTo("keying.task.lease-expired"));
    await(() -> keying.submit(third, mine.taskId(), key("2026-01-15")));
    assertThatThrownBy(() -> await(() -> keying.submit(third, mine.taskId(), key("2026-01-15"))))
        .isInstanceOfSatisfying(
            VoucherFlowException.class,
            e -> assertThat(e.code()).isEqualTo("keying.task.already-completed"));
  }

  @Test
  void shouldWakeEveryListenerWhenTasksAreQueuedForTheirPost() {
    List<String> heard = new CopyOnWriteArrayList<>();
    Cancellable listening = wakeUps.posts().subscribe().with(heard::add);
    try {
      queued(List.of(Field.slice("d1", "date")));
      await().atMost(Duration.ofSeconds(5)).until(() -> heard.contains(KEYING));
    } finally {
      listening.cancel();
    }
  }

  @Test
  void shouldArbitrateAFieldBothKeyersFoundUnreadable() {
    UUID v = queued(List.of(Field.slice("payee", "date")));
    for (int i = 0; i < 2; i++) {
      long keyer = keyer();
      KeyingAssignment a = claim(keyer, KEYING, Set.of(), 1).getFirst();
      await(() -> keying.unreadable(keyer, a.taskId()));
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> tasksOf(pool, v).containsKey("payee#3"));
    long arbiter = keyer();
    KeyingAssignment arbitration = claim(arbiter, ARBITRATION, Set.of(), 1).getFirst();
    await(() -> keying.unreadable(arbiter, arbitration.taskId()));

    Row result = awaitResult(v, "payee");
    assertThat(result.getString("final_value")).isNull();
    assertThat(result.getString("source")).isEqualTo("UNREADABLE");
  }

  @Test
  void shouldGiveBackEverythingAKeyerHeldOnDisconnect() {
    queued(List.of(Field.slice("d1", "date"), Field.slice("d2", "date")));
    long keyer = keyer();
    assertThat(claim(keyer, KEYING, Set.of(), 2)).hasSize(2);

    assertThat(await(() -> keying.releaseOnDisconnect(keyer))).isEqualTo(2);

    assertThat(await(() -> keying.heldBy(keyer))).isEmpty();
    assertThat(await(() -> dispatch.queued(KEYING))).isEqualTo(4);
  }

  @Test
  void shouldRebuildTheQueuesFromPostgresAfterRedisWasEmptied() {
    UUID v = queued(List.of(Field.slice("d1", "date"), Field.slice("d2", "date")));
    long keyer = keyer();
    KeyingAssignment done = claim(keyer, KEYING, Set.of(), 1).getFirst();
    await(() -> keying.submit(keyer, done.taskId(), key("2026-01-15")));

    await(() -> redis.forgetEverything());
    assertThat(await(() -> dispatch.queued(KEYING))).isZero();
    // The reaper notices the missing marker within a second too; either rebuild queues them once.
    await(() -> rebuilder.rebuild());

    assertThat(await(() -> dispatch.queued(KEYING))).isEqualTo(3);
    // Who keyed what survives the rebuild: the keyer never gets the field's other key.
    List<KeyingAssignment> again = claim(keyer, KEYING, Set.of(), 5);
    assertThat(again).isNotEmpty();
    assertThat(again)
        .allSatisfy(a -> assertThat(a.task().field()).isNotEqualTo(done.task().field()));
    assertThat(again).allSatisfy(a -> assertThat(a.task().voucherId()).isEqualTo(v));
  }

  @Test
  void shouldMakeMatchingKeysTheFinalValue() {
    UUID v = queued(List.of(Field.slice("amount", "amount_figures")));

    keyAll(v, Map.of("amount", List.of("1,409.50", "1409.5")));

    Row result = awaitResult(v, "amount");
    assertThat(result.getString("final_value")).isEqualTo("1409.50");
    assertThat(result.getString("source")).isEqualTo("MATCH");
    assertThat(
            one(pool, "select final_value from voucher_field where voucher_id = $1", v)
                .getString("final_value"))
        .isEqualTo("1409.50");
  }

  @Test
  void shouldConfirmConfidentOcrWithOneKey() {
    UUID v = queued(List.of(new Field("date", "date", "slice", "2026-01-15", 0.995)));
    assertThat(tasksOf(pool, v)).containsOnlyKeys("date#1");

    keyAll(v, Map.of("date", List.of("2026/1/15")));

    Row result = awaitResult(v, "date");
    assertThat(result.getString("final_value")).isEqualTo("2026-01-15");
    assertThat(result.getString("source")).isEqualTo("OCR_CONFIRMED");
  }

  @Test
  void shouldArbitrateDifferentKeysAndRecordTheLosingKeyAsAnError() {
    UUID v = queued(List.of(Field.slice("amount", "amount_figures")));
    Map<String, Long> keyers = keyAll(v, Map.of("amount", List.of("1409.50", "1490.50")));

    await().atMost(Duration.ofSeconds(10)).until(() -> tasksOf(pool, v).containsKey("amount#3"));
    // Neither keyer of the field may arbitrate it.
    for (long k : keyers.values()) {
      assertThat(claim(k, ARBITRATION, Set.of(), 1)).isEmpty();
    }
    long arbiter = keyer();
    KeyingAssignment arbitration = claim(arbiter, ARBITRATION, Set.of(), 1).getFirst();
    assertThat(arbitration.task().kind()).isEqualTo(KeyingKind.ARBITRATE);
    assertThat(arbitration.task().shown()).containsExactlyInAnyOrder("1409.50", "1490.50");
    await(() -> keying.submit(arbiter, arbitration.taskId(), key("1409.50")));

    Row result = awaitResult(v, "amount");
    assertThat(result.getString("final_value")).isEqualTo("1409.50");
    assertThat(result.getString("source")).isEqualTo("ARBITRATED");
    Row error =
        one(pool, "select keyer_id, keyed_value from keying_error where voucher_id = $1", v);
    assertThat(error.getString("keyed_value")).isEqualTo("1490.50");
    assertThat(error.getLong("keyer_id")).isEqualTo(keyers.get("1490.50"));
  }

  @Test
  void shouldRecordFinalValuesTogetherAndLeaveAFieldAnotherSettlerRecordedFirst() {
    UUID v = queued(List.of(Field.slice("amount", "amount_figures"), Field.slice("payee", "text")));
    // Both keys of both fields committed, not settled yet.
    one(
        pool,
        "update keying_task set state = 'DONE', leased_by = 7, completed_at = now(),"
            + " keyed_value = case field_name when 'amount' then '1409.50' else '张三' end"
            + " where voucher_id = $1",
        v);
    List<FieldKeys> fields =
        await(() -> tasks.unsettled(List.of(Map.entry(v, "amount"), Map.entry(v, "payee"))));
    assertThat(fields).hasSize(2);
    // Another instance recorded the payee meanwhile.
    one(
        pool,
        "insert into keying_result (voucher_id, field_name, final_value, source)"
            + " values ($1, 'payee', '李四', 'MATCH')",
        v);

    Set<UUID> settled =
        await(
            () ->
                tasks.settle(
                    fields.stream()
                        .map(f -> new KeyingTaskRepository.Decided(f, Settlement.of(f)))
                        .toList()));

    assertThat(settled).containsExactly(v);
    assertThat(finalValue(v, "amount")).isEqualTo("1409.50");
    assertThat(finalValue(v, "payee")).as("left to the settler that recorded it").isNull();
    assertThat(
            one(
                    pool,
                    "select final_value from keying_result where voucher_id = $1 and field_name = 'payee'",
                    v)
                .getString("final_value"))
        .isEqualTo("李四");
  }

  private String finalValue(UUID v, String field) {
    return one(
            pool,
            "select final_value from voucher_field where voucher_id = $1 and name = $2",
            v,
            field)
        .getString("final_value");
  }

  /** Keys every task of the voucher; values per field in the order keyers claim. */
  private Map<String, Long> keyAll(UUID v, Map<String, List<String>> values) {
    Map<String, Long> byValue = new java.util.HashMap<>();
    Map<String, Integer> next = new java.util.HashMap<>();
    int tasks = values.values().stream().mapToInt(List::size).sum();
    for (int done = 0; done < tasks; ) {
      long keyer = keyer();
      for (KeyingAssignment a : claim(keyer, KEYING, Set.of(), 2)) {
        String field = a.task().field();
        int n = next.merge(field, 1, Integer::sum) - 1;
        String value = values.get(field).get(n);
        byValue.put(value, keyer);
        await(() -> keying.submit(keyer, a.taskId(), key(value)));
        done++;
      }
    }
    return byValue;
  }

  private Row awaitResult(UUID v, String field) {
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                one(
                        pool,
                        "select 1 from keying_result where voucher_id = $1 and field_name = $2",
                        v,
                        field)
                    != null);
    return one(
        pool,
        "select final_value, source from keying_result where voucher_id = $1 and field_name = $2",
        v,
        field);
  }

  private UUID queued(List<Field> fields) {
    UUID v = storeVoucher(pool, fields);
    await(() -> intake.create(v, null));
    return v;
  }

  private List<KeyingAssignment> claim(long keyer, String post, Set<String> skills, int credit) {
    return await(() -> keying.claim(keyer, post, skills, credit));
  }

  private static long keyer() {
    return KEYERS.incrementAndGet();
  }

  private static KeySubmission key(String value) {
    return new KeySubmission(value, value.length(), 900);
  }
}
