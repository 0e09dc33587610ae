package io.voucherflow.staff.rest;

import static io.voucherflow.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.dispatch.DispatchTask;
import io.voucherflow.dispatch.Lease;
import io.voucherflow.dispatch.service.DispatchService;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class DutyResourceTest {

  @Inject DispatchService dispatch;
  @Inject Pool pool;

  @Test
  void shouldSignInShowOnDutyAndSignOut() {
    as("keyer3")
        .body(Map.of("postCode", "KEYING"))
        .post("/api/duty/sign-in")
        .then()
        .statusCode(200)
        .body("postCode", equalTo("KEYING"))
        .body("signedInAt", notNullValue());
    as("keyer3").get("/api/duty").then().statusCode(200).body("postCode", equalTo("KEYING"));
    as("supervisor1")
        .get("/api/duty/posts/KEYING")
        .then()
        .statusCode(200)
        .body("username", hasItem("keyer3"));

    as("keyer3")
        .post("/api/duty/sign-out")
        .then()
        .statusCode(200)
        .body("signedOutBy", equalTo("keyer3"))
        .body("forced", equalTo(false));
    as("keyer3").get("/api/duty").then().statusCode(204);
    as("supervisor1")
        .get("/api/duty/posts/KEYING")
        .then()
        .statusCode(200)
        .body("username", not(hasItem("keyer3")));
  }

  @Test
  void shouldRefuseAPostTheStaffMemberIsNotAssignedTo() {
    as("sealer1")
        .body(Map.of("postCode", "KEYING"))
        .post("/api/duty/sign-in")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("duty.post-not-assigned"));
    as("sealer1")
        .body(Map.of("postCode", "NO_SUCH_POST"))
        .post("/api/duty/sign-in")
        .then()
        .statusCode(404)
        .body("code", equalTo("post.not-found"));
    as("sealer1")
        .body(Map.of())
        .post("/api/duty/sign-in")
        .then()
        .statusCode(400)
        .body("code", equalTo("request.validation-failed"))
        .body("errors[0].field", equalTo("postCode"));
  }

  @Test
  void shouldRefuseASecondPostWhileSignedIn() {
    as("arbiter1")
        .body(Map.of("postCode", "ARBITRATION"))
        .post("/api/duty/sign-in")
        .then()
        .statusCode(200);
    // Signing in again at the same post is harmless.
    as("arbiter1")
        .body(Map.of("postCode", "ARBITRATION"))
        .post("/api/duty/sign-in")
        .then()
        .statusCode(200);
    as("arbiter1")
        .body(Map.of("postCode", "KEYING"))
        .post("/api/duty/sign-in")
        .then()
        .statusCode(409)
        .body("code", equalTo("duty.already-signed-in"));
    as("arbiter1").post("/api/duty/sign-out").then().statusCode(200);
  }

  @Test
  void shouldRefuseSignOutWhileHoldingTasksUntilASupervisorForcesItAndRequeues() {
    String post = "KEYING_" + UUID.randomUUID();
    String taskId = "task-" + UUID.randomUUID();
    long keyer4 = staffId("keyer4");
    as("keyer4")
        .body(Map.of("postCode", "KEYING"))
        .post("/api/duty/sign-in")
        .then()
        .statusCode(200);
    dispatch
        .offer(
            List.of(new DispatchTask(taskId, post, "", taskId, taskId, false, 50, "{}", List.of())))
        .await()
        .atMost(Duration.ofSeconds(5));
    assertThat(dispatch.claim(keyer4, post, Set.of(), 1).await().atMost(Duration.ofSeconds(5)))
        .extracting(Lease::taskId)
        .containsExactly(taskId);

    as("keyer4")
        .post("/api/duty/sign-out")
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("code", equalTo("duty.sign-out.tasks-held"));
    as("keyer4").get("/api/duty").then().statusCode(200).body("postCode", equalTo("KEYING"));

    as("supervisor1")
        .post("/api/duty/staff/keyer4/forced-sign-out")
        .then()
        .statusCode(200)
        .body("forced", equalTo(true))
        .body("requeuedTasks", equalTo(1))
        .body("signedOutBy", equalTo("supervisor1"));
    as("keyer4").get("/api/duty").then().statusCode(204);
    assertThat(dispatch.heldBy(keyer4).await().atMost(Duration.ofSeconds(5))).isEmpty();
    assertThat(
            dispatch
                .claim(staffId("keyer1"), post, Set.of(), 1)
                .await()
                .atMost(Duration.ofSeconds(5)))
        .extracting(Lease::taskId)
        .containsExactly(taskId);
  }

  @Test
  void shouldLetABranchSupervisorForceOnlyTheirOwnBranch() {
    as("teller1")
        .body(Map.of("postCode", "COUNTER"))
        .post("/api/duty/sign-in")
        .then()
        .statusCode(200);
    as("teller2")
        .body(Map.of("postCode", "COUNTER"))
        .post("/api/duty/sign-in")
        .then()
        .statusCode(200);

    as("branchsup1")
        .post("/api/duty/staff/teller2/forced-sign-out")
        .then()
        .statusCode(404)
        .body("code", equalTo("staff.not-found"));
    as("branchsup1")
        .post("/api/duty/staff/teller1/forced-sign-out")
        .then()
        .statusCode(200)
        .body("forced", equalTo(true))
        .body("requeuedTasks", equalTo(0));
    as("teller2").post("/api/duty/sign-out").then().statusCode(200);
  }

  @Test
  void shouldRefuseSignOutWhenNotSignedIn() {
    as("phoner1")
        .post("/api/duty/sign-out")
        .then()
        .statusCode(409)
        .body("code", equalTo("duty.not-signed-in"));
  }

  private long staffId(String username) {
    return pool.preparedQuery("select id from staff where username = $1")
        .execute(Tuple.of(username))
        .await()
        .atMost(Duration.ofSeconds(5))
        .iterator()
        .next()
        .getLong("id");
  }
}
