package io.voucherflow.rules.service;

import static io.voucherflow.support.Api.as;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Dry runs through the API, against given facts, saved rules and stored vouchers. */
@QuarkusTest
class RuleDryRunServiceTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject Pool pool;

  @Test
  void shouldRunAnExpressionAgainstGivenFacts() {
    as("admin")
        .body(
            Map.of(
                "expression",
                "voucher.amountCents >= 50000000 && 'vip' in customer.flags",
                "facts",
                Map.of(
                    "voucher", Map.of("amountCents", 60_000_000),
                    "customer.flags", java.util.List.of("vip"))))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(200)
        .body("value", equalTo(true))
        .body("factsRead", contains("customer.flags", "voucher.amountCents"))
        .body("kind", equalTo("DATA_CHECK"));

    as("auditor1")
        .body(
            Map.of(
                "expression", "voucher.amountCents / 100",
                "kind", "PRIORITY_SCORE",
                "facts", Map.of("voucher.amountCents", 12_345)))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(200)
        .body("value", equalTo(123));
  }

  @Test
  void shouldRunASavedRuleByCodeOrIdAtAnyVersion() {
    Map<String, Object> facts =
        Map.of("voucher", Map.of("businessType", "TRANSFER", "amountCents", 60_000_000));
    as("supervisor1")
        .body(Map.of("ruleCode", "phone-verification.large-amount", "facts", facts))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(200)
        .body("value", equalTo(true))
        .body("ruleCode", equalTo("phone-verification.large-amount"))
        .body("version", equalTo(1))
        .body("kind", equalTo("PHONE_VERIFICATION_THRESHOLD"))
        .body("factsRead", contains("voucher.amountCents", "voucher.businessType"));

    int id = as("auditor1").get("/api/rules/seal-check.mode-by-amount").then().extract().path("id");
    as("auditor1")
        .body(Map.of("ruleId", id, "version", 1, "facts", facts))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(200)
        .body("value", equalTo("manual"))
        .body("ruleCode", equalTo("seal-check.mode-by-amount"));
  }

  @Test
  void shouldBuildTheFactsFromAStoredVoucher() {
    UUID id = storeVoucher(new BigDecimal("600000.00"), "陆拾万元整", "600000.00");
    as("auditor1")
        .body(Map.of("ruleCode", "data-check.amount-words-match-figures", "voucherId", id))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(200)
        .body("value", equalTo(true))
        .body("facts.'voucher.branch'", equalTo("BR01"))
        .body("facts.fields.amount_words", equalTo("陆拾万元整"));
    as("auditor1")
        .body(Map.of("ruleCode", "phone-verification.large-amount", "voucherId", id))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(200)
        .body("value", equalTo(true));

    // Given facts override the voucher's: what if the words had said 陆万?
    as("auditor1")
        .body(
            Map.of(
                "ruleCode",
                "data-check.amount-words-match-figures",
                "voucherId",
                id,
                "facts",
                Map.of("fields", Map.of("amount_words", "陆万元整", "amount_figures", "600000.00"))))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(200)
        .body("value", equalTo(false));
  }

  @Test
  void shouldExplainWhyARuleCouldNotGiveAValue() {
    as("admin")
        .body(
            Map.of(
                "ruleCode",
                "data-check.amount-words-match-figures",
                "facts",
                Map.of("fields", Map.of("amount_words", "陆万两千元", "amount_figures", "62000"))))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(400)
        .body("code", equalTo("rules.evaluation.failed"));
    as("admin")
        .body(Map.of("expression", "voucher.amountCents > 1", "facts", Map.of()))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(400)
        .body("code", equalTo("rules.evaluation.failed"))
        .body("detail", equalTo("the fact voucher.amountCents was not supplied"));
    as("admin")
        .body(Map.of("expression", "true", "facts", Map.of("voucher.colour", "red")))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(400)
        .body("code", equalTo("rules.facts.invalid"))
        .body("errors[0].field", equalTo("facts.voucher.colour"));
  }

  @Test
  void shouldRefuseADryRunThatDoesNotNameExactlyOneRule() {
    as("admin")
        .body(Map.of("expression", "true", "ruleCode", "priority.default"))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(400)
        .body("code", equalTo("rules.dry-run.invalid"));
    as("admin")
        .body(Map.of("facts", Map.of()))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(400)
        .body("code", equalTo("rules.dry-run.invalid"));
    as("admin")
        .body(Map.of("expression", "true", "voucherId", UUID.randomUUID()))
        .post("/api/rules/dry-run")
        .then()
        .statusCode(404)
        .body("code", equalTo("voucher.not-found"));
  }

  /** A processed transfer cheque from BR01, as the pipeline and keying would leave it. */
  private UUID storeVoucher(BigDecimal declared, String words, String figures) {
    UUID id = UUID.randomUUID();
    pool.preparedQuery(
            "insert into voucher (id, request_id, teller, branch_unit_id, business_type,"
                + " declared_amount, currency, state, original_sha256, original_format,"
                + " template_code, template_version)"
                + " values ($1, $2, 'teller1', (select id from org_unit where code = 'BR01'),"
                + " 'TRANSFER', $3, 'CNY', 'SLICED', repeat('0', 64), 'JPEG', 'TRANSFER_CHEQUE', 1)")
        .execute(Tuple.of(id, "rules-" + id, declared))
        .await()
        .atMost(WAIT);
    pool.preparedQuery(
            "insert into voucher_field (voucher_id, name, kind, entry_mode, ocr_value,"
                + " ocr_confidence, final_value, state) values ($1, $2, 'TEXT', 'SLICE', $3, $4, $5,"
                + " 'KEYED')")
        .executeBatch(
            Arrays.asList(
                Tuple.of(id, "amount_words", words, 0.8, words),
                Tuple.of(id, "amount_figures", figures, 0.95, figures)))
        .await()
        .atMost(WAIT);
    return id;
  }
}
