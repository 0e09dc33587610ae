package io.voucherflow.cases.service;

import static io.voucherflow.cases.CaseFixtures.WAIT;
import static io.voucherflow.cases.CaseFixtures.await;
import static io.voucherflow.cases.CaseFixtures.handOver;
import static io.voucherflow.cases.CaseFixtures.storeVoucher;
import static io.voucherflow.cases.CaseFixtures.words;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.cases.CaseState;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.HistoryEntry;
import io.voucherflow.cases.repository.CaseRepository;
import io.voucherflow.cases.repository.CaseStarts;
import io.voucherflow.common.error.RuleViolationException;
import io.voucherflow.process.ProcessDefinition;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Steps run once in effect: under races, on retries, and across a crash. */
@QuarkusTest
class CaseRecoveryTest {

  @Inject Pool pool;
  @Inject CaseEngine engine;
  @Inject TaskCompletions completions;
  @Inject CaseSweeper sweeper;
  @Inject CaseRepository cases;
  @Inject CaseStarts starts;
  @Inject ProcessCatalog catalog;

  @Test
  void shouldApplyEachStepOnceWhenTwoEnginesRaceOverACase() {
    UUID caseId = startedButNotAdvanced("1000.00");

    // One instance queues its own work on a case (CaseQueue); advanceHeld skips that queue, as a
    // second instance would, so only the version guard stands between the two.
    atOnce(
        () -> await(() -> engine.advance(caseId)), () -> await(() -> engine.advanceHeld(caseId)));

    List<CaseTask> tasks = await(() -> cases.tasksOf(caseId));
    assertThat(tasks)
        .extracting(CaseTask::node)
        .containsExactlyInAnyOrder("key_first", "key_second");
    assertThat(enteredCounts(caseId))
        .allSatisfy((node, count) -> assertThat(count).as(node).isOne());
  }

  @Test
  void shouldCompleteATaskOnceWhenItIsCompletedTwiceAtOnce() {
    UUID caseId = startedButNotAdvanced("1000.00");
    await(() -> engine.advance(caseId));
    CaseTask task = await(() -> cases.tasksOf(caseId)).getFirst();

    List<String> results =
        atOnce(() -> await(() -> attempt(task.id())), () -> await(() -> attempt(task.id())));

    assertThat(results).containsExactlyInAnyOrder("DONE", "cases.task.already-completed");
    assertThat(await(() -> cases.history(caseId)))
        .filteredOn(e -> e.event().equals("LEFT") && e.node().equals(task.node()))
        .hasSize(1);
    assertThatThrownBy(
            () -> await(() -> completions.complete(task.id(), "tester", "keyed", Map.of())))
        .isInstanceOfSatisfying(
            RuleViolationException.class,
            e -> assertThat(e.code()).isEqualTo("cases.task.already-completed"));
  }

  @Test
  void shouldResumeACaseACrashLeftMidWay() {
    UUID caseId = startedButNotAdvanced("1000.00");
    // Three steps, then the "crash": the process stops with the case between automatic nodes.
    for (int i = 0; i < 3; i++) {
      await(() -> engine.step(caseId));
    }
    assertThat(await(() -> cases.tasksOf(caseId))).isEmpty();

    await(() -> sweeper.sweep());

    assertThat(await(() -> cases.tasksOf(caseId)))
        .extracting(CaseTask::node)
        .containsExactlyInAnyOrder("key_first", "key_second");
    assertThat(enteredCounts(caseId))
        .allSatisfy((node, count) -> assertThat(count).as(node).isOne());
    assertThat(await(() -> cases.find(caseId)).state()).isEqualTo(CaseState.RUNNING);
  }

  @Test
  void shouldStartCasesForHandedOverVouchersBySweep() {
    UUID voucher = storeVoucher(pool, "TRANSFER", "1000.00", words("1000.00"), true);
    handOver(pool, voucher);

    await(() -> sweeper.sweep());

    assertThat(await(() -> cases.findByVoucher(voucher))).isNotNull();
    assertThat(
            pool.query("select count(*) from case_intake")
                .execute()
                .await()
                .atMost(WAIT)
                .iterator()
                .next()
                .getLong(0))
        .as("the intake is emptied as cases start")
        .isZero();
    assertThat(await(() -> engine.start(voucher)))
        .as("starting again finds the same case")
        .isEqualTo(await(() -> cases.findByVoucher(voucher)).id());
  }

  @Test
  void shouldWaitForAProcessUntilTheBusinessTypeIsBound() {
    String type = "LATE_" + Long.toString(System.nanoTime(), 36).toUpperCase(java.util.Locale.ROOT);
    UUID voucher = storeVoucher(pool, type, "1000.00", words("1000.00"), true);

    UUID caseId = await(() -> engine.start(voucher));

    assertThat(await(() -> cases.find(caseId)).state()).isEqualTo(CaseState.NO_PROCESS);
    assertThat(await(() -> cases.liveTokens(caseId))).isEmpty();

    pool.preparedQuery(
            "insert into process_binding (business_type, process_code, process_version, bound_at,"
                + " bound_by) select $1, process_code, process_version, now(), 'test'"
                + " from process_binding where business_type = 'TRANSFER'")
        .execute(Tuple.of(type))
        .await()
        .atMost(WAIT);
    await(() -> sweeper.sweep());

    assertThat(await(() -> cases.find(caseId)))
        .satisfies(c -> assertThat(c.state()).isEqualTo(CaseState.RUNNING))
        .satisfies(c -> assertThat(c.processCode()).isEqualTo("TRANSFER"));
    assertThat(await(() -> cases.tasksOf(caseId)))
        .extracting(CaseTask::node)
        .containsExactlyInAnyOrder("key_first", "key_second");
  }

  /**
   * Runs both on their own threads and Vert.x contexts at the same time, as two nodes (or a request
   * and the sweep) would.
   */
  private static <T> List<T> atOnce(Supplier<T> one, Supplier<T> other) {
    ExecutorService two = Executors.newFixedThreadPool(2);
    CyclicBarrier start = new CyclicBarrier(2);
    try {
      Future<T> a = two.submit(() -> afterBarrier(start, one));
      Future<T> b = two.submit(() -> afterBarrier(start, other));
      return Arrays.asList(a.get(1, TimeUnit.MINUTES), b.get(1, TimeUnit.MINUTES));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      two.shutdownNow();
    }
  }

  private static <T> T afterBarrier(CyclicBarrier start, Supplier<T> work) throws Exception {
    start.await(10, TimeUnit.SECONDS);
    return work.get();
  }

  /** A case committed at its start node, as a crash right after the start would leave it. */
  private UUID startedButNotAdvanced(String amount) {
    UUID voucher = storeVoucher(pool, "TRANSFER", amount, words(amount), true);
    ProcessDefinition d = await(() -> catalog.boundTo("TRANSFER"));
    return await(() -> starts.create(voucher, "TRANSFER", d.code(), d.version(), d.start()));
  }

  private Uni<String> attempt(UUID taskId) {
    return completions
        .complete(taskId, "tester", "keyed", Map.of("amount_figures", "1000.00"))
        .map(t -> t.state().name())
        .onFailure(RuleViolationException.class)
        .recoverWithItem(e -> ((RuleViolationException) e).code());
  }

  private Map<String, Long> enteredCounts(UUID caseId) {
    return await(() -> cases.history(caseId)).stream()
        .filter(e -> e.event().equals("ENTERED"))
        .collect(
            Collectors.groupingBy(
                (HistoryEntry e) -> e.process() + "/" + e.node(), Collectors.counting()));
  }
}
