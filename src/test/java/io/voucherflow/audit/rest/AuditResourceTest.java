package io.voucherflow.audit.rest;

import static io.voucherflow.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class AuditResourceTest {

  private static final Duration WAIT = Duration.ofSeconds(10);

  @Inject Pool pool;

  @Test
  void shouldRecordWhoChangedWhatAndFromWhere() {
    as("keyer2")
        .header("User-Agent", "keying-client/1.0")
        .body(Map.of("postCode", "KEYING"))
        .post("/api/duty/sign-in")
        .then()
        .statusCode(200);
    as("keyer2").post("/api/duty/sign-out").then().statusCode(200);

    as("auditor1")
        .queryParam("entityType", "staff")
        .queryParam("entityId", "keyer2")
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("action", hasItem("duty.signed-in"))
        .body("find { it.action == 'duty.signed-in' }.actor", equalTo("keyer2"))
        .body("find { it.action == 'duty.signed-in' }.sourceIp", notNullValue())
        .body("find { it.action == 'duty.signed-in' }.userAgent", equalTo("keying-client/1.0"))
        .body(
            "find { it.action == 'duty.signed-in' }.details", equalTo("{\"postCode\":\"KEYING\"}"));
  }

  @Test
  void shouldRefuseToChangeOrDeleteAuditRows() {
    as("admin")
        .body(
            Map.of(
                "code", "BR-AUDIT", "name", "Audit Branch", "kind", "BRANCH", "parentCode", "HO"))
        .post("/api/org-units")
        .then()
        .statusCode(201);
    // Nobody reads the trail here: the scheduled sealer alone chains the entry.
    await()
        .atMost(WAIT)
        .until(() -> count("select count(*) from audit_entry where entity_id = 'BR-AUDIT'") == 1);
    assertThatThrownBy(
            () ->
                pool.query("update audit_entry set actor = 'mallory'")
                    .execute()
                    .await()
                    .atMost(WAIT))
        .hasMessageContaining("append-only");
    assertThatThrownBy(() -> pool.query("delete from audit_entry").execute().await().atMost(WAIT))
        .hasMessageContaining("append-only");
  }

  @Test
  void shouldChainEntriesWrittenConcurrentlyWithoutGapsOrForks() {
    long before = count("select count(*) from audit_entry");
    List<CompletableFuture<Integer>> creates = new ArrayList<>();
    // Threads made here keep the test's class loader (the common pool's would not).
    ExecutorService clients = Executors.newFixedThreadPool(8);
    for (int i = 0; i < 24; i++) {
      String code = "BR-PAR-" + i;
      creates.add(
          CompletableFuture.supplyAsync(
              () ->
                  as("admin")
                      .body(
                          Map.of("code", code, "name", code, "kind", "BRANCH", "parentCode", "HO"))
                      .post("/api/org-units")
                      .statusCode(),
              clients));
    }
    assertThat(creates.stream().map(CompletableFuture::join)).containsOnly(201);
    clients.shutdown();

    as("auditor1").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    assertThat(count("select count(*) from audit_entry where entity_id like 'BR-PAR-%'"))
        .isEqualTo(24);
    assertThat(count("select max(seq) - min(seq) + 1 - count(*) from audit_entry"))
        .as("sequence numbers without gaps")
        .isZero();
    assertThat(count("select count(*) from audit_entry")).isGreaterThanOrEqualTo(before + 24);
  }

  private long count(String sql) {
    return pool.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
  }

  @Test
  void shouldVerifyTheChainAndReportTheFirstTamperedEntry() {
    as("admin")
        .body(
            Map.of(
                "code", "BR-CHAIN", "name", "Chain Branch", "kind", "BRANCH", "parentCode", "HO"))
        .post("/api/org-units")
        .then()
        .statusCode(201);
    as("auditor1")
        .get("/api/audit/verify")
        .then()
        .statusCode(200)
        .body("intact", equalTo(true))
        .body("entriesChecked", greaterThan(0));

    Row target =
        pool.preparedQuery(
                "select seq, details from audit_entry where entity_type = 'org-unit' and entity_id = $1")
            .execute(Tuple.of("BR-CHAIN"))
            .await()
            .atMost(WAIT)
            .iterator()
            .next();
    long seq = target.getLong("seq");
    String original = target.getString("details");
    try {
      rewriteDetails(seq, original.replace("Chain Branch", "Forged Branch"));
      as("auditor1")
          .get("/api/audit/verify")
          .then()
          .statusCode(200)
          .body("intact", equalTo(false))
          .body("firstBrokenSeq", equalTo((int) seq))
          .body("reason", equalTo("the entry's content does not match its hash"));
    } finally {
      rewriteDetails(seq, original);
    }
    as("auditor1").get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
  }

  @Test
  void shouldRecordThatAnAuditorVerifiedTheChain() {
    as("auditor1").get("/api/audit/verify").then().statusCode(200);
    String last =
        as("auditor1")
            .queryParam("entityType", "audit")
            .queryParam("limit", 1)
            .get("/api/audit")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].actor");
    assertThat(last).isEqualTo("auditor1");
  }

  /** What an attacker with database access would do: switch the guard off and edit a row. */
  private void rewriteDetails(long seq, String details) {
    pool.withTransaction(
            c ->
                c.query("alter table audit_entry disable trigger audit_entry_no_update")
                    .execute()
                    .chain(
                        () ->
                            c.preparedQuery("update audit_entry set details = $1 where seq = $2")
                                .execute(Tuple.of(details, seq)))
                    .chain(
                        () ->
                            c.query("alter table audit_entry enable trigger audit_entry_no_update")
                                .execute()))
        .await()
        .atMost(WAIT);
  }
}
