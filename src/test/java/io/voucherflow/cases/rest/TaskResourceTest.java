package io.voucherflow.cases.rest;

import static io.voucherflow.cases.CaseFixtures.await;
import static io.voucherflow.cases.CaseFixtures.storeVoucher;
import static io.voucherflow.cases.CaseFixtures.words;
import static io.voucherflow.support.Api.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.repository.CaseRepository;
import io.voucherflow.cases.service.CaseEngine;
import io.voucherflow.cases.service.CaseSweeper;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Staff work a post's tasks over REST; the case moves on and its history tells how. */
@QuarkusTest
class TaskResourceTest {

  @Inject Pool pool;
  @Inject CaseEngine engine;
  @Inject CaseRepository cases;
  @Inject CaseSweeper sweeper;

  @AfterEach
  void signOut() {
    as("keyer1").post("/api/duty/sign-out");
    as("keyer2").post("/api/duty/sign-out");
  }

  @Test
  void shouldClaimAndCompleteATaskOnceAndOnlyByItsHolder() {
    UUID voucher = storeVoucher(pool, "TRANSFER", "1000.00", words("1000.00"), true);
    UUID caseId = await(() -> engine.start(voucher));
    CaseTask task =
        await(() -> cases.tasksOf(caseId)).stream()
            .filter(t -> t.node().equals("key_first"))
            .findFirst()
            .orElseThrow();
    signIn("keyer1", "KEYING");
    signIn("keyer2", "KEYING");

    as("keyer1")
        .queryParam("post", "KEYING")
        .get("/api/tasks")
        .then()
        .statusCode(200)
        .body("id", hasItem(task.id().toString()));
    as("keyer1")
        .post("/api/tasks/" + task.id() + "/claim")
        .then()
        .statusCode(200)
        .body("state", equalTo("CLAIMED"))
        .body("claimedBy", equalTo("keyer1"));
    as("keyer2")
        .post("/api/tasks/" + task.id() + "/claim")
        .then()
        .statusCode(409)
        .body("code", equalTo("cases.task.claimed-by-other"));
    as("keyer2")
        .body(Map.of("outcome", "keyed"))
        .post("/api/tasks/" + task.id() + "/complete")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("cases.task.claimed-by-other"));
    as("keyer1")
        .body(Map.of("outcome", "approve"))
        .post("/api/tasks/" + task.id() + "/complete")
        .then()
        .statusCode(400)
        .body("code", equalTo("cases.task.invalid-outcome"));
    as("keyer1")
        .body(Map.of("outcome", "keyed", "values", Map.of("amount_figures", "1000.00")))
        .post("/api/tasks/" + task.id() + "/complete")
        .then()
        .statusCode(200)
        .body("state", equalTo("DONE"))
        .body("completedBy", equalTo("keyer1"))
        .body("values.amount_figures", equalTo("1000.00"));
    as("keyer1")
        .body(Map.of("outcome", "keyed"))
        .post("/api/tasks/" + task.id() + "/complete")
        .then()
        .statusCode(409)
        .body("code", equalTo("cases.task.already-completed"));

    as("reviewer1")
        .get("/api/vouchers/" + voucher + "/history")
        .then()
        .statusCode(200)
        .body("state", equalTo("RUNNING"))
        .body("process", equalTo("TRANSFER"))
        .body("entries.node", hasItems("scan", "identify", "mode", "auto", "key_first"))
        .body(
            "entries.find { it.node == 'key_first' && it.event == 'LEFT' }.actor",
            equalTo("keyer1"))
        .body(
            "entries.find { it.node == 'mode' && it.event == 'LEFT' }.facts.'voucher.amountCents'",
            equalTo(100000))
        .body("entries.find { it.node == 'mode' && it.event == 'LEFT' }.outcome", equalTo("auto"));

    await(() -> sweeper.sweep());
    as("auditor1")
        .queryParam("entityType", "case")
        .queryParam("entityId", caseId.toString())
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("action", hasItems("task.created", "task.completed"))
        .body("findAll { it.action == 'task.completed' }.size()", equalTo(1))
        .body("find { it.action == 'task.completed' }.details", containsString("keyer1"));
  }

  @Test
  void shouldKeepTasksFromStaffNotOnDutyAtThePost() {
    as("keyer1")
        .queryParam("post", "KEYING")
        .get("/api/tasks")
        .then()
        .statusCode(409)
        .body("code", equalTo("cases.task.not-on-duty"));
    as("keyer1")
        .post("/api/tasks/" + UUID.randomUUID() + "/claim")
        .then()
        .statusCode(404)
        .body("code", equalTo("cases.task.not-found"));
  }

  @Test
  void shouldAnswerNotFoundForAVoucherWithoutACase() {
    as("auditor1")
        .get("/api/vouchers/" + UUID.randomUUID() + "/history")
        .then()
        .statusCode(404)
        .body("code", equalTo("cases.case-not-found"));
  }

  private static void signIn(String user, String post) {
    as(user).body(Map.of("postCode", post)).post("/api/duty/sign-in").then().statusCode(200);
  }
}
