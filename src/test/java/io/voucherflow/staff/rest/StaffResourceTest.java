package io.voucherflow.staff.rest;

import static io.voucherflow.support.Api.as;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StaffResourceTest {

  @Test
  void shouldListEveryDemoUserForAdmin() {
    as("admin")
        .get("/api/staff")
        .then()
        .statusCode(200)
        .body(
            "username",
            hasItems(
                "admin",
                "teller1",
                "teller2",
                "branchsup1",
                "keyer1",
                "keyer2",
                "keyer3",
                "keyer4",
                "arbiter1",
                "reviewer1",
                "sealer1",
                "phoner1",
                "authorizer1",
                "supervisor1",
                "auditor1"))
        .body("find { it.username == 'keyer1' }.orgUnitCode", equalTo("OC01"))
        .body("find { it.username == 'keyer1' }.posts", equalTo(List.of("KEYING")));
  }

  @Test
  void shouldShowABranchSupervisorOnlyTheirBranch() {
    as("branchsup1")
        .get("/api/staff")
        .then()
        .statusCode(200)
        .body("username", containsInAnyOrder("branchsup1", "teller1"));
    as("branchsup1")
        .get("/api/staff/teller2")
        .then()
        .statusCode(404)
        .body("code", equalTo("staff.not-found"));
  }

  @Test
  void shouldTellStaffWhoTheyAre() {
    as("teller1")
        .get("/api/staff/me")
        .then()
        .statusCode(200)
        .body("username", equalTo("teller1"))
        .body("orgUnitCode", equalTo("BR01"))
        .body("posts", equalTo(List.of("COUNTER")));
  }

  @Test
  void shouldRegisterStaffAndRefuseDuplicatesAndUnknownPosts() {
    Map<String, Object> keyer9 =
        Map.of(
            "username",
            "keyer9",
            "displayName",
            "Keyer Nine",
            "orgUnitCode",
            "OC01",
            "posts",
            List.of("KEYING"),
            "skills",
            List.of("amount"));
    as("admin")
        .body(keyer9)
        .post("/api/staff")
        .then()
        .statusCode(201)
        .body("username", equalTo("keyer9"))
        .body("skills", equalTo(List.of("amount")));
    as("admin")
        .get("/api/staff/keyer9")
        .then()
        .statusCode(200)
        .body("orgUnitCode", equalTo("OC01"));
    as("admin")
        .body(keyer9)
        .post("/api/staff")
        .then()
        .statusCode(409)
        .body("code", equalTo("staff.username-taken"));

    as("admin")
        .body(
            Map.of(
                "username",
                "keyer10",
                "displayName",
                "Keyer Ten",
                "orgUnitCode",
                "OC01",
                "posts",
                List.of("KEYING", "NOT_A_POST"),
                "skills",
                List.of()))
        .post("/api/staff")
        .then()
        .statusCode(400)
        .body("code", equalTo("staff.post-unknown"))
        .body("errors[0].field", equalTo("posts"));
    as("admin").get("/api/staff").then().body("username", not(hasItem("keyer10")));
  }

  @Test
  void shouldNameEveryInvalidField() {
    as("admin")
        .body(
            Map.of(
                "username",
                "Bad Name!",
                "orgUnitCode",
                "OC01",
                "posts",
                List.of(),
                "skills",
                List.of()))
        .post("/api/staff")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("errors", hasSize(2))
        .body("errors.field", containsInAnyOrder("username", "displayName"));
  }

  @Test
  void shouldExplainMalformedBodies() {
    as("admin")
        .body("{\"username\": ")
        .post("/api/staff")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("request.malformed-json"));
    as("admin")
        .body("{\"username\": \"x1\", \"posts\": \"KEYING\"}")
        .post("/api/staff")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("request.invalid-field"))
        .body("errors[0].field", equalTo("posts"));
  }
}
