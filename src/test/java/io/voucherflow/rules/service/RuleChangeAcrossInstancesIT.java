package io.voucherflow.rules.service;

import static io.restassured.RestAssured.given;
import static io.voucherflow.cases.CaseFixtures.handOver;
import static io.voucherflow.cases.CaseFixtures.storeVoucher;
import static io.voucherflow.cases.CaseFixtures.words;
import static io.voucherflow.rules.RuleFixtures.activate;
import static io.voucherflow.rules.RuleFixtures.saveVersion;
import static io.voucherflow.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.voucherflow.support.SecondInstance;
import io.voucherflow.support.Tokens;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The issue's done-when: a rule changed through the API on one instance changes the routing of new
 * cases on a second instance of the app (same PostgreSQL and Redis) within 1 s, with no restart.
 *
 * <p>The test's own instance (sweep off, as in every test) is where the analyst changes the rule;
 * the second instance is the packaged application in a JVM of its own, with its case sweep on, so
 * every case of this run is started — and routed — by the second instance's rule book. What the
 * second instance holds in memory and how it routed are read from its own API.
 */
@QuarkusTest
class RuleChangeAcrossInstancesIT {

  private static final String SEAL_RULE = "seal-check.mode-by-amount";
  private static final Duration PROPAGATION = Duration.ofSeconds(1);
  private static SecondInstance second;

  @Inject Pool pool;

  @AfterAll
  static void stopSecondInstance() {
    if (second != null) {
      second.close();
    }
  }

  @Test
  void shouldRouteNewCasesOnASecondInstanceByARuleChangedOnTheFirstWithinOneSecond()
      throws Exception {
    second =
        SecondInstance.start(
            Map.of("vf.cases.sweep-enabled", "true", "vf.cases.sweep-every", "200ms"));
    int shipped = as("admin").get("/api/rules/" + SEAL_RULE).then().extract().path("activeVersion");
    assertThat(inForceOnSecond(SEAL_RULE)).isEqualTo(shipped);
    assertThat(sealModeOnSecond("20000.00", shipped))
        .as("¥20,000 is checked automatically under the shipped rule")
        .isEqualTo("auto");

    saveVersion(
        SEAL_RULE,
        "voucher.amountCents < 1000000 ? 'auto' : voucher.amountCents <= 100000000 ? 'manual'"
            + " : 'both'");
    int lowered = as("admin").get("/api/rules/" + SEAL_RULE).then().extract().path("latestVersion");
    long requested = System.nanoTime();
    activate(SEAL_RULE, lowered);
    // The change is made when the API call answers; from then on the second instance has 1 s.
    long answered = System.nanoTime();
    try {
      Awaitility.await("version " + lowered + " in force on the second instance")
          .atMost(PROPAGATION)
          .pollInterval(Duration.ofMillis(20))
          .until(() -> inForceOnSecond(SEAL_RULE) == lowered);
      long seen = System.nanoTime();
      System.out.printf(
          "Rule change in force on the second instance %d ms after the activation answered"
              + " (%d ms after it was requested)%n",
          (seen - answered) / 1_000_000, (seen - requested) / 1_000_000);
      assertThat(Duration.ofNanos(seen - answered)).isLessThan(PROPAGATION);

      assertThat(sealModeOnSecond("20000.00", lowered))
          .as("¥20,000 is over the new ¥10,000 threshold: a person checks the seal")
          .isEqualTo("manual");
    } finally {
      activate(SEAL_RULE, shipped);
    }
  }

  /** The version of {@code code} in the second instance's live rule book. */
  private static int inForceOnSecond(String code) {
    Integer version =
        onSecond("admin")
            .get("/api/rules/in-force")
            .then()
            .statusCode(200)
            .extract()
            .path("'" + code + "'");
    return version == null ? 0 : version;
  }

  /**
   * Hands over a transfer of {@code amount}, waits for the second instance to start its case (the
   * only instance that sweeps) and answers the seal-check mode it chose, read from the history the
   * second instance serves; the decision must name the rule version expected.
   */
  private String sealModeOnSecond(String amount, int expectedVersion) {
    UUID voucher = storeVoucher(pool, "TRANSFER", amount, words(amount), true);
    handOver(pool, voucher);
    Map<String, Object> decision =
        Awaitility.await("the second instance routes " + voucher + " through SEAL_CHECK/mode")
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> sealDecision(voucher), d -> d != null);
    assertThat(decision.get("rule"))
        .as("the deciding rule, as history names managed ones")
        .isEqualTo(SEAL_RULE + "@" + expectedVersion);
    return (String) decision.get("outcome");
  }

  private static Map<String, Object> sealDecision(UUID voucher) {
    var response = onSecond("auditor1").get("/api/vouchers/" + voucher + "/history");
    if (response.statusCode() != 200) {
      return null;
    }
    List<Map<String, Object>> entries = response.jsonPath().getList("entries");
    return entries.stream()
        .filter(
            e ->
                "SEAL_CHECK".equals(e.get("process"))
                    && "mode".equals(e.get("node"))
                    && "LEFT".equals(e.get("event")))
        .findFirst()
        .orElse(null);
  }

  /** A request to the second instance as a demo user. */
  private static RequestSpecification onSecond(String username) {
    return given()
        .baseUri(second.url())
        .auth()
        .oauth2(Tokens.of(username))
        .accept(ContentType.JSON);
  }
}
