package io.voucherflow.rules;

import static io.voucherflow.support.Api.as;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;
import java.util.UUID;

/** Rules made through the API as the admin, under codes of their own so tests never collide. */
public final class RuleFixtures {

  private RuleFixtures() {}

  /** A code no other test uses. */
  public static String newCode() {
    return "test.rule-" + UUID.randomUUID().toString().substring(0, 8);
  }

  /** A phone-verification threshold with this expression as version 1, not active. */
  public static void create(String code, String expression) {
    as("admin")
        .body(
            Map.of(
                "code", code,
                "kind", "PHONE_VERIFICATION_THRESHOLD",
                "name", "Phone verification for tests",
                "description", "Call the customer on large amounts.",
                "expression", expression))
        .post("/api/rules")
        .then()
        .statusCode(201);
  }

  public static void saveVersion(String code, String expression) {
    as("admin")
        .body(Map.of("expression", expression))
        .post("/api/rules/" + code + "/versions")
        .then()
        .statusCode(201);
  }

  public static void activate(String code, int version) {
    as("admin")
        .post("/api/rules/" + code + "/versions/" + version + "/activate")
        .then()
        .statusCode(200)
        .body("activeVersion", equalTo(version));
  }
}
