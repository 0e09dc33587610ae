package io.voucherflow.rules.rest;

import static io.voucherflow.rules.RuleFixtures.activate;
import static io.voucherflow.rules.RuleFixtures.create;
import static io.voucherflow.rules.RuleFixtures.newCode;
import static io.voucherflow.rules.RuleFixtures.saveVersion;
import static io.voucherflow.support.Api.as;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RuleResourceTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @jakarta.inject.Inject Pool pool;

  @Test
  void shouldSeedTheShippedRulesActive() {
    as("auditor1")
        .get("/api/rules")
        .then()
        .statusCode(200)
        .body(
            "code",
            hasItems(
                "phone-verification.large-amount",
                "seal-check.mode-by-amount",
                "authorisation.branch-supplementary",
                "authorisation.centre-large-amount",
                "data-check.amount-words-match-figures",
                "priority.default"))
        .body("find { it.code == 'seal-check.mode-by-amount' }.kind", equalTo("SEAL_CHECK_MODE"))
        .body("find { it.code == 'seal-check.mode-by-amount' }.activeVersion", equalTo(1))
        .body("find { it.code == 'seal-check.mode-by-amount' }.activatedBy", equalTo("system"));
  }

  @Test
  void shouldSaveVersionsWithoutPuttingThemInForce() {
    String code = newCode();
    as("admin")
        .body(
            Map.of(
                "code", code,
                "kind", "SEAL_CHECK_MODE",
                "name", "Seal mode",
                "description", "Auto below ¥50,000.",
                "expression", "voucher.amountCents < 5000000 ? 'auto' : 'manual'"))
        .post("/api/rules")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/rules/" + code))
        .body("latestVersion", equalTo(1))
        .body("activeVersion", nullValue())
        .body("versions[0].factsRead", contains("voucher.amountCents"))
        .body("versions[0].createdBy", equalTo("admin"));

    as("admin")
        .body(
            Map.of(
                "description",
                "Auto below ¥20,000.",
                "expression",
                "voucher.amountCents < 2000000 ? 'auto' : 'manual'"))
        .post("/api/rules/" + code + "/versions")
        .then()
        .statusCode(201)
        .body("latestVersion", equalTo(2))
        .body("activeVersion", nullValue());

    as("supervisor1")
        .get("/api/rules/" + code)
        .then()
        .statusCode(200)
        .body("versions", hasSize(2))
        .body("versions[1].name", equalTo("Seal mode"))
        .body("versions[1].description", equalTo("Auto below ¥20,000."))
        .body("versions.active", contains(false, false));

    as("admin")
        .body(
            Map.of(
                "code",
                code,
                "kind",
                "DATA_CHECK",
                "name",
                "n",
                "description",
                "d",
                "expression",
                "true"))
        .post("/api/rules")
        .then()
        .statusCode(409)
        .body("code", equalTo("rules.code-taken"));
  }

  @Test
  void shouldRefuseAnExpressionThatDoesNotCompileWithTheErrorPosition() {
    String code = newCode();
    as("admin")
        .body(
            Map.of(
                "code", code,
                "kind", "DATA_CHECK",
                "name", "Broken",
                "description", "Does not compile.",
                "expression", "voucher.amountCents >= 100 &&\n  voucher.amountCent > 5"))
        .post("/api/rules")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("rules.expression.invalid"))
        .body("errors[0].field", equalTo("expression"))
        .body(
            "errors[0].message",
            equalTo("line 2, column 3: undeclared reference to 'voucher' (in container '')"));
    as("auditor1").get("/api/rules/" + code).then().statusCode(404);

    create(code, "voucher.amountCents >= 100");
    as("admin")
        .body(Map.of("expression", "voucher.amountCents + 1"))
        .post("/api/rules/" + code + "/versions")
        .then()
        .statusCode(400)
        .body("code", equalTo("rules.expression.invalid"))
        .body("detail", startsWith("The expression does not compile: line 1, column 1: a rule of"));
    as("admin")
        .body(
            Map.of(
                "code",
                "NoDots",
                "kind",
                "DATA_CHECK",
                "name",
                "n",
                "description",
                "d",
                "expression",
                "true"))
        .post("/api/rules")
        .then()
        .statusCode(400)
        .body("code", equalTo("request.validation-failed"))
        .body("errors[0].field", equalTo("code"));
  }

  @Test
  void shouldValidateWithLineAndColumn() {
    as("supervisor1")
        .body(Map.of("expression", "voucher.amountCents >= 5000000\n  && fields.amount_words == 1"))
        .post("/api/rules/validate")
        .then()
        .statusCode(200)
        .body("valid", equalTo(false))
        .body("issues[0].line", equalTo(2))
        .body("issues[0].column", equalTo(26))
        .body("issues[0].message", startsWith("found no matching overload"));

    as("supervisor1")
        .body(Map.of("expression", "voucher.amountCents >= cents(fields.amount_figures)"))
        .post("/api/rules/validate")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("kind", equalTo("DATA_CHECK"))
        .body("factsRead", contains("fields.amount_figures", "voucher.amountCents"));

    as("admin")
        .body(Map.of("expression", "voucher.amountCents > 1", "kind", "SEAL_CHECK_MODE"))
        .post("/api/rules/validate")
        .then()
        .statusCode(200)
        .body("valid", equalTo(false))
        .body("issues[0].message", startsWith("a rule of kind SEAL_CHECK_MODE must give"));
  }

  @Test
  void shouldListTheDeclaredFactsForDesigners() {
    as("auditor1")
        .get("/api/rules/facts")
        .then()
        .statusCode(200)
        .body("facts.name", hasItems("voucher.amountCents", "fields", "now.minuteOfDay"))
        .body(
            "kinds.find { it.kind == 'PHONE_VERIFICATION_THRESHOLD' }.failSafeValue",
            equalTo(true));
  }

  @Test
  void shouldRefuseToChangeOrDeleteASavedVersion() {
    String code = newCode();
    create(code, "voucher.amountCents >= 100");
    String byCode = " where rule_id = (select id from rule_definition where code = $1)";

    assertThatThrownBy(
            () ->
                pool.preparedQuery("update rule_version set expression = 'true'" + byCode)
                    .execute(Tuple.of(code))
                    .await()
                    .atMost(WAIT))
        .hasMessageContaining("immutable");
    assertThatThrownBy(
            () ->
                pool.preparedQuery("delete from rule_version" + byCode)
                    .execute(Tuple.of(code))
                    .await()
                    .atMost(WAIT))
        .hasMessageContaining("immutable");
    assertThatThrownBy(
            () ->
                pool.preparedQuery("update rule_definition set kind = 'DATA_CHECK' where code = $1")
                    .execute(Tuple.of(code))
                    .await()
                    .atMost(WAIT))
        .hasMessageContaining("fixed");
  }

  @Test
  void shouldAuditEveryChangeWithWhoAndWhat() {
    String code = newCode();
    create(code, "voucher.amountCents >= 100");
    saveVersion(code, "voucher.amountCents >= 200");
    activate(code, 2);
    activate(code, 2);

    as("auditor1")
        .queryParam("entityType", "rule")
        .queryParam("entityId", code)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("action", hasItems("rule.created", "rule.version-saved", "rule.activated"))
        .body("findAll { it.action == 'rule.activated' }", hasSize(1))
        .body("find { it.action == 'rule.activated' }.actor", equalTo("admin"))
        .body(
            "find { it.action == 'rule.activated' }.details",
            equalTo("{\"expression\":\"voucher.amountCents >= 200\",\"version\":2}"));
    as("auditor1")
        .get("/api/rules/" + code)
        .then()
        .body("activeVersion", equalTo(2))
        .body("activatedBy", equalTo("admin"))
        .body("versions.active", contains(false, true));
  }

  @Test
  void shouldRefuseToActivateAVersionThatDoesNotExist() {
    String code = newCode();
    create(code, "voucher.amountCents >= 100");
    as("admin")
        .post("/api/rules/" + code + "/versions/7/activate")
        .then()
        .statusCode(404)
        .body("code", equalTo("rules.version-not-found"));
    as("admin")
        .post("/api/rules/no.such-rule/versions/1/activate")
        .then()
        .statusCode(404)
        .body("code", equalTo("rules.not-found"));
  }
}
