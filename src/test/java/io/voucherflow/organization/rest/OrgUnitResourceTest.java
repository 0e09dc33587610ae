package io.voucherflow.organization.rest;

import static io.voucherflow.support.Api.anonymous;
import static io.voucherflow.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OrgUnitResourceTest {

  @Test
  void shouldListTheDemoBankForAdmin() {
    as("admin")
        .get("/api/org-units")
        .then()
        .statusCode(200)
        .body("code", hasItems("HO", "BR01", "BR02", "BR01-01", "OC01"))
        .body("find { it.code == 'BR01-01' }.parentCode", equalTo("BR01"))
        .body("find { it.code == 'OC01' }.kind", equalTo("OPERATIONS_CENTRE"));
  }

  @Test
  void shouldRefuseAnonymousCallersWithAProblem() {
    anonymous()
        .get("/api/org-units")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .header("WWW-Authenticate", startsWith("Bearer"))
        .body("code", equalTo("security.unauthenticated"));
  }

  @Test
  void shouldRefuseKeyersWithAProblem() {
    as("keyer1")
        .get("/api/org-units")
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("security.forbidden"));
  }

  @Test
  void shouldCreateABranchUnderHeadOffice() {
    as("admin")
        .body(Map.of("code", "BR03", "name", "Hill Branch", "kind", "BRANCH", "parentCode", "HO"))
        .post("/api/org-units")
        .then()
        .statusCode(201)
        .header(
            "Location",
            equalTo("http://localhost:" + io.restassured.RestAssured.port + "/api/org-units/BR03"))
        .body("parentCode", equalTo("HO"));
    as("admin")
        .get("/api/org-units/BR03")
        .then()
        .statusCode(200)
        .body("name", equalTo("Hill Branch"));
  }

  @Test
  void shouldNameTheFieldThatFailedValidation() {
    as("admin")
        .body(Map.of("code", "x", "name", "", "kind", "BRANCH"))
        .post("/api/org-units")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("request.validation-failed"))
        .body("errors.field", hasItems("code", "name"));
  }

  @Test
  void shouldRefuseASubBranchDirectlyUnderHeadOffice() {
    as("admin")
        .body(Map.of("code", "SB99", "name", "Misplaced", "kind", "SUB_BRANCH", "parentCode", "HO"))
        .post("/api/org-units")
        .then()
        .statusCode(400)
        .body("code", equalTo("org-unit.misplaced"))
        .body("errors[0].field", equalTo("parentCode"));
  }

  @Test
  void shouldAnswerUnknownUnitsWithNotFound() {
    as("admin")
        .get("/api/org-units/NOPE")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("org-unit.not-found"));
  }
}
