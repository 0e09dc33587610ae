package io.voucherflow.cases.service;

import static io.voucherflow.cases.CaseFixtures.WAIT;
import static io.voucherflow.cases.CaseFixtures.await;
import static io.voucherflow.cases.CaseFixtures.storeVoucher;
import static io.voucherflow.cases.CaseFixtures.words;
import static io.voucherflow.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.audit.service.AuditSealer;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.HistoryEntry;
import io.voucherflow.cases.repository.CaseRepository;
import io.voucherflow.rules.CutoffCalendar;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Each task is scored once, when it is queued, by the priority rule in force (shipped: minus the
 * case's deadline on the cut-off calendar, brought forward for large amounts); the queue serves the
 * highest score first; a task past its time limit is escalated once by the sweep.
 */
@QuarkusTest
class TaskPriorityTest {

  @Inject Pool pool;
  @Inject AuditSealer sealer;
  @Inject CaseEngine engine;
  @Inject CaseRepository cases;
  @Inject CaseSweeper sweeper;
  @Inject CutoffCalendar calendar;

  @AfterEach
  void signOut() {
    as("keyer1").post("/api/duty/sign-out");
  }

  @Test
  void shouldStoreEachTaskScoreFromItsDeadlineAndQueueTheHighestFirst() {
    UUID today = storeVoucher(pool, "TRANSFER", "2000000.00", words("2000000.00"), true);
    UUID older = storeVoucher(pool, "TRANSFER", "1000.00", words("1000.00"), true);
    capturedDaysAgo(older, 3);

    CaseTask large = firstKeying(today);
    CaseTask old = firstKeying(older);

    assertThat(large.priority())
        .as("¥2,000,000: the deadline brought forward by 120 minutes")
        .isEqualTo(120 - deadline(today));
    assertThat(old.priority()).isEqualTo(-deadline(older));
    assertThat(old.priority())
        .as("a case captured days ago goes before today's, whatever its amount")
        .isGreaterThan(large.priority());

    as("keyer1")
        .body(Map.of("postCode", "KEYING"))
        .post("/api/duty/sign-in")
        .then()
        .statusCode(200);
    List<Map<String, Object>> queue =
        as("keyer1")
            .queryParam("post", "KEYING")
            .get("/api/tasks")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("");
    List<String> ids = queue.stream().map(t -> (String) t.get("id")).toList();
    assertThat(ids).contains(old.id().toString(), large.id().toString());
    assertThat(ids.indexOf(old.id().toString())).isLessThan(ids.indexOf(large.id().toString()));
    assertThat(queue.stream().map(t -> ((Number) t.get("priority")).longValue()).toList())
        .isSortedAccordingTo(Comparator.reverseOrder());
  }

  @Test
  void shouldEscalateATaskPastItsTimeLimitOnce() {
    UUID voucher = storeVoucher(pool, "TRANSFER", "1000.00", words("1000.00"), true);
    CaseTask task = firstKeying(voucher);
    assertThat(task.dueAt()).as("key_first has a 5-minute time limit").isNotNull();
    assertThat(task.escalatedAt()).isNull();
    pool.preparedQuery("update case_task set due_at = now() - interval '1 minute' where id = $1")
        .execute(Tuple.of(task.id()))
        .await()
        .atMost(WAIT);

    await(() -> sweeper.sweep());
    await(() -> sweeper.sweep());

    CaseTask escalated = await(() -> cases.task(task.id()));
    assertThat(escalated.escalatedAt()).isNotNull();
    assertThat(escalated.priority())
        .as("raised once by vf.cases.escalation-raise, however often the sweep runs")
        .isEqualTo(task.priority() + 1440);
    List<HistoryEntry> history = await(() -> cases.history(task.caseId()));
    assertThat(history)
        .filteredOn(h -> h.event().equals("ESCALATED"))
        .singleElement()
        .satisfies(
            h -> {
              assertThat(h.node()).isEqualTo("key_first");
              assertThat(h.outcome()).isEqualTo("overdue");
            });
    // Entries are chained by the sealer: seal what is pending before reading the chain directly.
    sealer.sealNow().await().atMost(WAIT);
    long audited =
        pool.preparedQuery(
                "select count(*) from audit_entry where action = 'task.escalated'"
                    + " and details::text like $1")
            .execute(Tuple.of("%" + task.id() + "%"))
            .await()
            .atMost(WAIT)
            .iterator()
            .next()
            .getLong(0);
    assertThat(audited).as("the escalation reaches the audit trail").isOne();
  }

  private CaseTask firstKeying(UUID voucher) {
    UUID caseId = await(() -> engine.start(voucher));
    return await(() -> cases.tasksOf(caseId)).stream()
        .filter(t -> t.node().equals("key_first"))
        .findFirst()
        .orElseThrow();
  }

  private void capturedDaysAgo(UUID voucher, int days) {
    pool.preparedQuery(
            "update voucher set accepted_at = now() - make_interval(days => $2) where id = $1")
        .execute(Tuple.of(voucher, days))
        .await()
        .atMost(WAIT);
  }

  /** The voucher's deadline in minutes since 1970 at the centre, as the calendar says. */
  private long deadline(UUID voucher) {
    Instant captured =
        pool.preparedQuery("select accepted_at from voucher where id = $1")
            .execute(Tuple.of(voucher))
            .await()
            .atMost(WAIT)
            .iterator()
            .next()
            .getOffsetDateTime("accepted_at")
            .toInstant();
    return CutoffCalendar.epochMinute(calendar.deadline("TRANSFER", captured));
  }
}
