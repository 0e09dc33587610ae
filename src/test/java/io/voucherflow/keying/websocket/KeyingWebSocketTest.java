package io.voucherflow.keying.websocket;

import static io.voucherflow.cases.CaseFixtures.await;
import static io.voucherflow.keying.KeyingFixtures.one;
import static io.voucherflow.keying.KeyingFixtures.storeVoucher;
import static io.voucherflow.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;
import io.vertx.core.http.UpgradeRejectedException;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.dispatch.repository.DispatchRepository;
import io.voucherflow.keying.KeyingFixtures.Field;
import io.voucherflow.keying.service.KeyingIntake;
import io.voucherflow.keying.service.KeyingService;
import io.voucherflow.support.Tokens;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The keying WebSocket protocol against the real Keycloak, Redis and PostgreSQL. */
@QuarkusTest
class KeyingWebSocketTest {

  @TestHTTPResource("/ws/keying")
  URI uri;

  @Inject Vertx vertx;
  @Inject Pool pool;
  @Inject KeyingIntake intake;
  @Inject KeyingService keying;
  @Inject DispatchRepository dispatchRedis;
  @Inject RedisDataSource redis;
  @Inject MeterRegistry meters;

  /** Each test starts from empty queues: what earlier tests left open is withdrawn. */
  @BeforeEach
  void emptyQueues() {
    one(pool, "update keying_task set state = 'WITHDRAWN' where state in ('OPEN', 'LEASED')");
    await(() -> dispatchRedis.forgetEverything());
    await(() -> dispatchRedis.markBuilt());
    as("keyer1")
        .body(Map.of("postCode", "KEYING"))
        .post("/api/duty/sign-in")
        .then()
        .statusCode(200);
  }

  @AfterEach
  void signOut() {
    as("supervisor1").post("/api/duty/staff/keyer1/forced-sign-out");
  }

  @Test
  void shouldPushTasksUpToTheCreditAndTheNextAfterASubmit() throws Exception {
    queueVouchers(2);
    try (KeyingSocket console = connect()) {
      List<JsonObject> first = console.next("task", 2);
      JsonObject submitted = first.getFirst();
      assertThat(console.poll(Duration.ofMillis(500))).as("no more than the credit").isNull();
      long keyer1 = staffId("keyer1");
      assertThat(await(() -> keying.heldBy(keyer1)))
          .as("a shallow queue: nothing is held ahead, the rest waits for whoever is free")
          .extracting(UUID::toString)
          .containsExactlyInAnyOrderElementsOf(ids(first));

      console.send(
          Map.of(
              "type",
              "submit",
              "taskId",
              submitted.getString("taskId"),
              "value",
              value(submitted),
              "keystrokes",
              7,
              "millis",
              900));

      Map<String, JsonObject> replies = console.nextOfEach("accepted", "task");
      assertThat(replies.get("accepted").getString("taskId"))
          .isEqualTo(submitted.getString("taskId"));
      JsonObject third = replies.get("task");
      assertThat(third.getString("taskId"))
          .isNotIn(first.stream().map(t -> t.getString("taskId")).toList());
      // Equally urgent fields come in the queue's order; three of the four tasks include an
      // amount, and each task's keyboard suits its own kind.
      List<JsonObject> seen = List.of(first.get(0), first.get(1), third);
      assertThat(seen).anySatisfy(t -> assertThat(t.getString("field")).isEqualTo("amount"));
      assertThat(seen)
          .allSatisfy(
              t ->
                  assertThat(t.getJsonObject("hints").getString("inputMode"))
                      .isEqualTo(t.getString("field").equals("amount") ? "decimal" : "numeric"));

      console.send(Map.of("type", "stats"));
      JsonObject stats = console.next("stats");
      assertThat(stats.getLong("fieldsPerHour")).isPositive();
      assertThat(stats.getLong("keystrokesPerHour")).isPositive();
      assertThat(stats.getLong("queueDepth")).isEqualTo(1L);
    }
  }

  @Test
  void shouldShowTheNextSliceWhileTheKeyIsStillBeingMadeDurable() throws Exception {
    queueVouchers(2);
    try (KeyingSocket console = connect()) {
      JsonObject submitted = console.next("task", 2).getFirst();
      String taskId = submitted.getString("taskId");
      // Another transaction holds the task's row, so the key cannot be written yet.
      SqlConnection locker = pool.getConnectionAndAwait();
      Transaction tx = locker.beginAndAwait();
      try {
        locker
            .preparedQuery("select id from keying_task where id = $1 for update")
            .executeAndAwait(Tuple.of(UUID.fromString(taskId)));
        console.send(
            Map.of("type", "submit", "taskId", taskId, "value", value(submitted), "keystrokes", 7));

        JsonObject next = console.next("task");
        assertThat(next.getString("taskId")).isNotEqualTo(taskId);
        assertThat(console.poll(Duration.ofMillis(500)))
            .as("no accepted before the key is durable")
            .isNull();
      } finally {
        tx.rollbackAndAwait();
        locker.closeAndAwait();
      }
      JsonObject accepted = console.next("accepted");
      assertThat(accepted.getString("taskId")).isEqualTo(taskId);
      assertThat(
              one(pool, "select state from keying_task where id = $1", UUID.fromString(taskId))
                  .getString("state"))
          .isEqualTo("DONE");
    }
  }

  @Test
  void shouldPushTheTaskHeldAheadBeforeTheDispatcherAnswers() throws Exception {
    // 60 tasks queued: deep enough (vf.keying.console.ahead-when-queued, 50) to hold one ahead.
    queueVouchers(30);
    long keyer1 = staffId("keyer1");
    try (KeyingSocket console = connect()) {
      List<JsonObject> shown = console.next("task", 2);
      assertThat(console.poll(Duration.ofMillis(500))).as("no more than the credit").isNull();
      Set<String> held = heldIds(keyer1);
      assertThat(held).hasSize(3).containsAll(ids(shown));
      Set<String> ahead = new HashSet<>(held);
      ahead.removeAll(ids(shown));

      JsonObject submitted = shown.getFirst();
      String taskId = submitted.getString("taskId");
      double aheadBefore = refills("ahead");
      // Redis takes no writes (scripts included) until unpaused: the key cannot be completed.
      redis.execute("CLIENT", "PAUSE", "20000", "WRITE");
      try {
        console.send(
            Map.of("type", "submit", "taskId", taskId, "value", value(submitted), "keystrokes", 7));
        JsonObject next = console.next("task");
        assertThat(next.getString("taskId")).isIn(ahead);
        assertThat(next.getString("field")).isIn("amount", "account");
        assertThat(refills("ahead")).as("counted for operators").isEqualTo(aheadBefore + 1);
        assertThat(console.poll(Duration.ofMillis(500)))
            .as("no accepted while the dispatcher cannot complete the key")
            .isNull();
      } finally {
        redis.execute("CLIENT", "UNPAUSE");
      }
      assertThat(console.next("accepted").getString("taskId")).isEqualTo(taskId);
      // The dispatcher answered: a new task is held ahead in place of the one shown.
      Set<String> onScreen = Set.of(shown.get(1).getString("taskId"), ahead.iterator().next());
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () -> {
                Set<String> now = heldIds(keyer1);
                return now.size() == 3 && now.containsAll(onScreen) && !now.contains(taskId);
              });

      // Credit 0 hands back what was never shown; the two on screen stay the keyer's.
      console.send(Map.of("type", "ready", "credit", 0));
      await().atMost(Duration.ofSeconds(10)).until(() -> heldIds(keyer1).equals(onScreen));
      assertThat(console.poll(Duration.ofMillis(300))).as("nothing more pushed").isNull();
    }
  }

  @Test
  void shouldStartIdleWithTheCreditOfTheUrlUntilReady() throws Exception {
    queueVouchers(2);
    try (KeyingSocket console =
        KeyingSocket.connect(vertx, uri, Tokens.of("keyer1"), null, "?credit=0")) {
      // A ready sent after the upgrade would come too late: the tasks pushed on connect were sent.
      assertThat(console.poll(Duration.ofMillis(1500))).as("no task before ready").isNull();
      console.send(Map.of("type", "heartbeat"));
      assertThat(console.poll(Duration.ofMillis(500))).as("a heartbeat tops up to 0").isNull();

      console.send(Map.of("type", "ready", "credit", 1));
      console.next("task");
      assertThat(console.poll(Duration.ofMillis(500))).as("no more than the credit").isNull();
    }
  }

  @Test
  void shouldRefuseAnUpgradeWhoseCreditIsNotANumber() {
    assertThatThrownBy(
            () -> KeyingSocket.connect(vertx, uri, Tokens.of("keyer1"), null, "?credit=-1"))
        .cause()
        .isInstanceOfSatisfying(
            UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(400));
  }

  @Test
  void shouldPushATaskToAnIdleKeyerWhenOneIsQueued() throws Exception {
    try (KeyingSocket console = connect()) {
      assertThat(console.poll(Duration.ofMillis(500))).as("nothing queued yet").isNull();
      queueVouchers(1);
      assertThat(console.next("task").getString("field")).isIn("amount", "account");
    }
  }

  @Test
  void shouldAnswerMalformedMessagesWithAnErrorAndKeepTheConnection() throws Exception {
    try (KeyingSocket console = connect()) {
      console.send("{not json");
      assertThat(console.next("error").getString("code")).isEqualTo("keying.ws.malformed");
      console.send("{\"type\":\"dance\"}");
      assertThat(console.next("error").getString("code")).isEqualTo("keying.ws.malformed");
      console.send(Map.of("type", "submit", "value", "1"));
      assertThat(console.next("error").getString("code")).isEqualTo("keying.ws.task-missing");
      console.send(Map.of("type", "submit", "taskId", UUID.randomUUID().toString(), "value", "1"));
      assertThat(console.next("error").getString("code")).isEqualTo("keying.task.not-found");

      console.send(Map.of("type", "stats"));
      assertThat(console.next("stats").getLong("queueDepth")).isZero();
      assertThat(console.isClosed()).isFalse();
    }
  }

  @Test
  void shouldShowTheHeldTasksAgainOnReconnectAndReleaseThemAfterTheGrace() throws Exception {
    queueVouchers(2);
    Set<String> held;
    try (KeyingSocket console = connect()) {
      held = ids(console.next("task", 2));
    }
    try (KeyingSocket again = connect()) {
      assertThat(ids(again.next("task", 2))).isEqualTo(held);
    }
    long keyer1 = staffId("keyer1");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> await(() -> keying.heldBy(keyer1)).isEmpty());
  }

  @Test
  void shouldKeepTheTasksWhileAnotherConsoleOfTheKeyerStaysOpen() throws Exception {
    queueVouchers(2);
    long keyer1 = staffId("keyer1");
    Set<String> held;
    try (KeyingSocket first = connect()) {
      held = ids(first.next("task", 2));
      try (KeyingSocket second = connect()) {
        assertThat(ids(second.next("task", 2))).isEqualTo(held);
        first.close();
        // Past the release grace (5 s) after the first console closed, the second still holds
        // them: the keyer never left.
        Thread.sleep(7_000);
        assertThat(await(() -> keying.heldBy(keyer1)))
            .extracting(UUID::toString)
            .containsExactlyInAnyOrderElementsOf(held);
      }
    }
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> await(() -> keying.heldBy(keyer1)).isEmpty());
  }

  @Test
  void shouldCloseTheConsoleOfAKeyerForcedOffDutyAtTheNextHeartbeat() throws Exception {
    try (KeyingSocket console = connect()) {
      as("supervisor1").post("/api/duty/staff/keyer1/forced-sign-out").then().statusCode(200);
      console.send(Map.of("type", "heartbeat"));
      assertThat(console.next("error").getString("code")).isEqualTo("keying.not-on-duty");
      await().atMost(Duration.ofSeconds(20)).until(console::isClosed);
    }
  }

  @Test
  void shouldRefuseAnUpgradeWithoutATokenOrOffDuty() {
    assertThatThrownBy(() -> KeyingSocket.connect(vertx, uri, null))
        .isInstanceOf(ExecutionException.class)
        .cause()
        .isInstanceOfSatisfying(
            UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(401));
    // keyer2 holds the role but is not signed in at a post.
    assertThatThrownBy(() -> KeyingSocket.connect(vertx, uri, Tokens.of("keyer2")))
        .cause()
        .isInstanceOfSatisfying(
            UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
    // A page of another site cannot open a keyer's socket, even with the keyer's token.
    assertThatThrownBy(
            () ->
                KeyingSocket.connect(vertx, uri, Tokens.of("keyer1"), "https://elsewhere.example"))
        .cause()
        .isInstanceOfSatisfying(
            UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
    // A teller is not a keyer.
    assertThatThrownBy(() -> KeyingSocket.connect(vertx, uri, Tokens.of("teller1")))
        .cause()
        .isInstanceOfSatisfying(
            UpgradeRejectedException.class, e -> assertThat(e.getStatus()).isEqualTo(403));
  }

  private KeyingSocket connect() throws Exception {
    return KeyingSocket.connect(vertx, uri, Tokens.of("keyer1"));
  }

  /** Vouchers with an amount and an account each, OCR confident: one key confirms each field. */
  private void queueVouchers(int n) {
    for (int i = 0; i < n; i++) {
      UUID v =
          storeVoucher(
              pool,
              List.of(
                  new Field("amount", "amount_figures", "slice", "1409.50", 0.99),
                  new Field("account", "account", "slice", "6222020200001234", 0.99)));
      await(() -> intake.create(v, null));
    }
  }

  private static String value(JsonObject task) {
    return task.getString("field").equals("amount") ? "1409.50" : "6222020200001234";
  }

  private static Set<String> ids(List<JsonObject> tasks) {
    return tasks.stream().map(t -> t.getString("taskId")).collect(Collectors.toSet());
  }

  private double refills(String source) {
    return meters.counter("voucherflow.keying.refills", "source", source).count();
  }

  private Set<String> heldIds(long keyer) {
    return await(() -> keying.heldBy(keyer)).stream()
        .map(UUID::toString)
        .collect(Collectors.toSet());
  }

  private long staffId(String username) {
    return one(pool, "select id from staff where username = $1", username).getLong("id");
  }
}
