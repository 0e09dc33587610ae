package io.voucherflow.cases.service;

import static io.voucherflow.cases.CaseFixtures.await;
import static io.voucherflow.cases.CaseFixtures.storeVoucher;
import static io.voucherflow.cases.CaseFixtures.words;
import static io.voucherflow.rules.RuleFixtures.activate;
import static io.voucherflow.rules.RuleFixtures.saveVersion;
import static io.voucherflow.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.voucherflow.cases.CaseState;
import io.voucherflow.cases.CaseTask;
import io.voucherflow.cases.TaskState;
import io.voucherflow.cases.repository.CaseRepository;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A decision that names a managed rule follows the version in force: an analyst who lowers the
 * phone-verification threshold through the API re-routes the next transfer, with no new process
 * version and no restart.
 */
@QuarkusTest
class ManagedRuleRoutingTest {

  private static final String PHONE_RULE = "phone-verification.large-amount";
  private static final String CENTRE_RULE = "authorisation.centre-large-amount";
  private static final String BRANCH_RULE = "authorisation.branch-supplementary";
  private static final Map<String, String> USUAL =
      Map.of(
          "key_slice", "keyed",
          "review", "approve",
          "seal_manual", "pass",
          "phone_verify", "confirmed",
          "branch_authorize", "approved",
          "centre_authorize", "approved",
          "arbitrate", "resolved",
          "repair", "repaired");

  @Inject Pool pool;
  @Inject CaseEngine engine;
  @Inject TaskCompletions completions;
  @Inject CaseRepository cases;
  @Inject CaseHistoryService history;

  @Test
  void shouldRouteByTheRuleVersionInForce() {
    int inForce =
        as("admin").get("/api/rules/" + PHONE_RULE).then().extract().path("activeVersion");
    assertThat(path("200000.00"))
        .as("¥200,000 under the shipped ¥500,000 threshold")
        .doesNotContain("PHONE_VERIFY/phone");

    saveVersion(
        PHONE_RULE,
        "voucher.businessType in ['TRANSFER', 'CHEQUE_PAYMENT'] && voucher.amountCents >= 10000000");
    int lowered =
        as("admin").get("/api/rules/" + PHONE_RULE).then().extract().path("latestVersion");
    activate(PHONE_RULE, lowered);
    try {
      assertThat(path("200000.00"))
          .as("¥200,000 over a ¥100,000 threshold")
          .contains("PHONE_VERIFY/phone");
    } finally {
      activate(PHONE_RULE, inForce);
    }
  }

  @Test
  void shouldDemandAuthorisationsByTheThresholdRulesInForce() {
    int centreInForce =
        as("admin").get("/api/rules/" + CENTRE_RULE).then().extract().path("activeVersion");
    int branchInForce =
        as("admin").get("/api/rules/" + BRANCH_RULE).then().extract().path("activeVersion");
    assertThat(path("30000.00"))
        .as("¥30,000 is under both shipped thresholds")
        .doesNotContain("AUTHORISE/branch_authorize", "AUTHORISE/centre_authorize");

    saveVersion(CENTRE_RULE, "voucher.amountCents >= 2000000");
    saveVersion(BRANCH_RULE, "!voucher.branchAuthorised && voucher.amountCents >= 2000000");
    activate(
        CENTRE_RULE,
        as("admin").get("/api/rules/" + CENTRE_RULE).then().extract().path("latestVersion"));
    activate(
        BRANCH_RULE,
        as("admin").get("/api/rules/" + BRANCH_RULE).then().extract().path("latestVersion"));
    try {
      assertThat(path("30000.00"))
          .as("¥30,000 is over both lowered thresholds of ¥20,000")
          .contains("AUTHORISE/branch_authorize", "AUTHORISE/centre_authorize");
    } finally {
      activate(CENTRE_RULE, centreInForce);
      activate(BRANCH_RULE, branchInForce);
    }
  }

  /** Runs a transfer of {@code amount} to its end and answers the nodes it entered. */
  private List<String> path(String amount) {
    UUID voucher = storeVoucher(pool, "TRANSFER", amount, words(amount), true);
    UUID caseId = await(() -> engine.start(voucher));
    for (int round = 0; round < 40; round++) {
      if (await(() -> cases.find(caseId)).state() != CaseState.RUNNING) {
        break;
      }
      CaseTask task =
          await(() -> cases.tasksOf(caseId)).stream()
              .filter(t -> t.state() == TaskState.OPEN)
              .findFirst()
              .orElseThrow();
      Map<String, Object> values = new HashMap<>();
      if (task.kind().startsWith("key_")) {
        values.put("amount_figures", amount);
      }
      await(() -> completions.complete(task.id(), "tester", USUAL.get(task.kind()), values));
    }
    var h = await(() -> history.of(voucher));
    assertThat(h.state()).isEqualTo(CaseState.DONE);
    return h.entries().stream()
        .filter(e -> e.event().equals("ENTERED"))
        .map(e -> e.process() + "/" + e.node())
        .toList();
  }
}
