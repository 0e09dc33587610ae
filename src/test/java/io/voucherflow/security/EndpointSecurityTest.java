package io.voucherflow.security;

import static io.restassured.RestAssured.given;
import static io.voucherflow.support.Api.anonymous;
import static io.voucherflow.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every resource refuses callers without a token (401) and callers whose role does not fit (403).
 */
@QuarkusTest
class EndpointSecurityTest {

  private static final String ANY_ID = "00000000-0000-0000-0000-000000000000";

  static Stream<Arguments> endpoints() {
    return Stream.of(
        Arguments.of("GET", "/api/org-units", "keyer1"),
        Arguments.of("GET", "/api/org-units/HO", "teller1"),
        Arguments.of("POST", "/api/org-units", "supervisor1"),
        Arguments.of("GET", "/api/staff", "teller1"),
        Arguments.of("GET", "/api/staff/admin", "keyer1"),
        Arguments.of("POST", "/api/staff", "auditor1"),
        Arguments.of("GET", "/api/posts", "keyer1"),
        Arguments.of("GET", "/api/posts/KEYING", "teller2"),
        Arguments.of("POST", "/api/posts", "supervisor1"),
        Arguments.of("GET", "/api/duty", "admin"),
        Arguments.of("POST", "/api/duty/sign-in", "auditor1"),
        Arguments.of("POST", "/api/duty/sign-out", "admin"),
        Arguments.of("POST", "/api/duty/staff/keyer1/forced-sign-out", "keyer2"),
        Arguments.of("GET", "/api/duty/posts/KEYING", "keyer1"),
        Arguments.of("GET", "/api/templates", "keyer1"),
        Arguments.of("GET", "/api/templates/ANY", "arbiter1"),
        Arguments.of("GET", "/api/templates/ANY/versions/1", "sealer1"),
        Arguments.of("GET", "/api/templates/ANY/versions/1/reference-image", "phoner1"),
        Arguments.of("POST", "/api/templates", "teller1"),
        Arguments.of("POST", "/api/vouchers", "keyer1"),
        Arguments.of("POST", "/api/vouchers/batch", "reviewer1"),
        Arguments.of("GET", "/api/vouchers/" + ANY_ID, "keyer1"),
        Arguments.of("GET", "/api/vouchers/" + ANY_ID + "/images/front", "keyer2"),
        Arguments.of("GET", "/api/vouchers/" + ANY_ID + "/fields/amount_figures/slice", "admin"),
        Arguments.of("GET", "/api/processes", "keyer1"),
        Arguments.of("GET", "/api/processes/bindings", "teller1"),
        Arguments.of("GET", "/api/processes/bindings/TRANSFER", "reviewer1"),
        Arguments.of("GET", "/api/processes/TRANSFER", "sealer1"),
        Arguments.of("GET", "/api/processes/TRANSFER/versions", "phoner1"),
        Arguments.of("GET", "/api/processes/TRANSFER/versions/1", "authorizer1"),
        Arguments.of("GET", "/api/processes/TRANSFER/diff?from=1&to=1", "arbiter1"),
        Arguments.of("POST", "/api/processes", "supervisor1"),
        Arguments.of("POST", "/api/processes/validate", "auditor1"),
        Arguments.of("POST", "/api/processes/TRANSFER/versions/1/activate", "supervisor1"),
        Arguments.of("GET", "/api/rules", "teller1"),
        Arguments.of("GET", "/api/rules/facts", "keyer1"),
        Arguments.of("GET", "/api/rules/in-force", "keyer1"),
        Arguments.of("GET", "/api/rules/priority.default", "reviewer1"),
        Arguments.of("POST", "/api/rules", "supervisor1"),
        Arguments.of("POST", "/api/rules/priority.default/versions", "auditor1"),
        Arguments.of("POST", "/api/rules/priority.default/versions/1/activate", "supervisor1"),
        Arguments.of("POST", "/api/rules/validate", "keyer1"),
        Arguments.of("POST", "/api/rules/dry-run", "teller1"),
        Arguments.of("GET", "/api/tasks?post=KEYING", "teller1"),
        Arguments.of("POST", "/api/tasks/" + ANY_ID + "/claim", "admin"),
        Arguments.of("POST", "/api/tasks/" + ANY_ID + "/complete", "auditor1"),
        Arguments.of("GET", "/api/vouchers/" + ANY_ID + "/history", "keyer1"),
        Arguments.of("GET", "/api/audit", "admin"),
        Arguments.of("GET", "/api/audit/verify", "supervisor1"));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("endpoints")
  void shouldRefuseCallersWithoutAToken(String method, String path, String wrongRole) {
    body(anonymous(), method, path)
        .request(method, path)
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("security.unauthenticated"));
  }

  @ParameterizedTest(name = "{0} {1} as {2}")
  @MethodSource("endpoints")
  void shouldRefuseCallersWithTheWrongRole(String method, String path, String wrongRole) {
    body(as(wrongRole), method, path)
        .request(method, path)
        .then()
        .statusCode(403)
        .contentType("application/problem+json")
        .body("code", equalTo("security.forbidden"));
  }

  /** A body of the media type the endpoint consumes, so that only security can refuse the call. */
  private static RequestSpecification body(RequestSpecification spec, String method, String path) {
    if (method.equals("POST")
        && (path.equals("/api/templates") || path.startsWith("/api/vouchers"))) {
      return spec.contentType("multipart/form-data")
          .multiPart("definition", "{}", "application/json");
    }
    return spec.body("{}");
  }

  @Test
  void shouldRefuseAnAnonymousCallToWhoAmI() {
    anonymous()
        .get("/api/staff/me")
        .then()
        .statusCode(401)
        .body("code", equalTo("security.unauthenticated"));
  }

  @Test
  void shouldRefuseForgedTokens() {
    String token = io.voucherflow.support.Tokens.of("admin");
    String[] parts = token.split("\\.");
    String forged = parts[0] + "." + parts[1] + "." + new StringBuilder(parts[2]).reverse();
    given()
        .auth()
        .oauth2(forged)
        .get("/api/org-units")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("code", equalTo("security.unauthenticated"));
  }

  @Test
  void shouldAnswerUnknownPathsWithAProblem() {
    as("admin")
        .get("/api/no-such-thing")
        .then()
        .statusCode(404)
        .contentType("application/problem+json")
        .body("code", equalTo("http.not-found"));
  }

  @Test
  void shouldKeepHealthMetricsAndOpenApiOpenForTheCluster() {
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
    given().get("/q/metrics").then().statusCode(200);
    given().get("/q/openapi").then().statusCode(200);
  }
}
