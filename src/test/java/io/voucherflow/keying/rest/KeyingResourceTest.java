package io.voucherflow.keying.rest;

import static io.voucherflow.cases.CaseFixtures.await;
import static io.voucherflow.keying.KeyingFixtures.one;
import static io.voucherflow.keying.KeyingFixtures.storeVoucher;
import static io.voucherflow.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.voucherflow.dispatch.repository.DispatchRepository;
import io.voucherflow.keying.KeyingFixtures.Field;
import io.voucherflow.keying.service.KeyingIntake;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Keyers over REST: refusals are problem+json with stable codes. */
@QuarkusTest
class KeyingResourceTest {

  @Inject Pool pool;
  @Inject KeyingIntake intake;
  @Inject DispatchRepository redis;

  @AfterEach
  void signOut() {
    as("keyer1").post("/api/duty/sign-out");
    as("keyer2").post("/api/duty/sign-out");
  }

  @Test
  void shouldRefuseALateSubmitAfterTheTaskWentBackToItsQueueAndASecondSubmit() {
    one(pool, "update keying_task set state = 'WITHDRAWN' where state in ('OPEN', 'LEASED')");
    await(() -> redis.forgetEverything());
    await(() -> redis.markBuilt());
    UUID v = storeVoucher(pool, List.of(Field.slice("amount", "amount_figures")));
    await(() -> intake.create(v, null));
    signIn("keyer1");
    signIn("keyer2");

    String late =
        as("keyer1")
            .queryParam("credit", 1)
            .post("/api/keying/claim")
            .then()
            .statusCode(200)
            .body("$", hasSize(1))
            .body("[0].task.field", equalTo("amount"))
            .extract()
            .path("[0].taskId");
    // A supervisor's forced sign-out returns the task to its queue.
    as("supervisor1")
        .post("/api/duty/staff/keyer1/forced-sign-out")
        .then()
        .statusCode(200)
        .body("requeuedTasks", equalTo(1));
    as("keyer1")
        .body(Map.of("value", "1409.50"))
        .post("/api/keying/tasks/" + late + "/submit")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("keying.task.lease-expired"));

    String id =
        as("keyer2")
            .queryParam("credit", 1)
            .post("/api/keying/claim")
            .then()
            .statusCode(200)
            .body("$", hasSize(1))
            .extract()
            .path("[0].taskId");
    as("keyer2")
        .body(Map.of("value", "1409.50", "keystrokes", 7, "keyMillis", 1500))
        .post("/api/keying/tasks/" + id + "/submit")
        .then()
        .statusCode(204);
    as("keyer2")
        .body(Map.of("value", "1409.50"))
        .post("/api/keying/tasks/" + id + "/submit")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("keying.task.already-completed"));
    as("keyer2")
        .body(Map.of("value", " "))
        .post("/api/keying/tasks/" + id + "/submit")
        .then()
        .statusCode(400)
        .body("code", equalTo("keying.task.value-missing"));
  }

  @Test
  void shouldRefuseAClaimWhenNotSignedIn() {
    as("keyer1")
        .post("/api/keying/claim")
        .then()
        .statusCode(409)
        .body("code", equalTo("keying.not-on-duty"));
  }

  private static void signIn(String keyer) {
    as(keyer).body(Map.of("postCode", "KEYING")).post("/api/duty/sign-in").then().statusCode(200);
  }
}
