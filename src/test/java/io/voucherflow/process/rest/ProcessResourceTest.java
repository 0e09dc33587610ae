package io.voucherflow.process.rest;

import static io.voucherflow.support.Api.as;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.voucherflow.process.ProcessFixtures;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@QuarkusTest
class ProcessResourceTest {

  @Inject Pool pool;

  @Test
  void shouldListAndReadTheSeededDefaults() {
    as("supervisor1")
        .get("/api/processes")
        .then()
        .statusCode(200)
        .body("find { it.code == 'TRANSFER' }.activeVersion", equalTo(1))
        .body(
            "find { it.code == 'TRANSFER' }.businessTypes",
            equalTo(List.of("TRANSFER", "CHEQUE_PAYMENT")))
        .body("find { it.code == 'SEAL_CHECK' }.kind", equalTo("subprocess"))
        .body("code", hasItem("REMITTANCE"));
    as("auditor1")
        .get("/api/processes/TRANSFER")
        .then()
        .statusCode(200)
        .body("version", equalTo(1))
        .body("active", equalTo(true))
        .body("createdBy", equalTo("system"))
        .body("nodes.find { it.id == 'entry' }.call.process", equalTo("DATA_ENTRY"))
        .body("nodes.find { it.id == 'entry' }.call.version", equalTo(1))
        .body("nodes.find { it.id == 'joined' }.fork", equalTo("split"))
        .body(
            "transitions.find { it.to == 'returned' && it.on == 'pass' }.guard",
            containsString("amountFromWords"));
    as("admin")
        .get("/api/processes/SEAL_CHECK/versions/1")
        .then()
        .statusCode(200)
        .body("nodes.find { it.id == 'mode' }.rule.kind", equalTo("SEAL_CHECK_MODE"));
    as("admin")
        .get("/api/processes/bindings")
        .then()
        .statusCode(200)
        .body("find { it.businessType == 'CHEQUE_PAYMENT' }.processCode", equalTo("TRANSFER"))
        .body("find { it.businessType == 'DEPOSIT' }.processCode", equalTo("CREDIT"))
        .body("find { it.businessType == 'WIRE_TRANSFER' }.processVersion", equalTo(1));
  }

  @Test
  void shouldKeepABusinessTypeOnItsVersionUntilTheNextIsActivated() {
    String v1 = fixture("BIND_TEST", "BIND_TYPE");
    as("admin")
        .contentType("application/yaml")
        .body(utf8(v1))
        .post("/api/processes")
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/processes/BIND_TEST/versions/1"))
        .body("version", equalTo(1))
        .body("active", equalTo(false));
    as("admin")
        .get("/api/processes/bindings")
        .then()
        .body("businessType", not(hasItem("BIND_TYPE")));

    as("admin")
        .post("/api/processes/BIND_TEST/versions/1/activate")
        .then()
        .statusCode(200)
        .body("bound", equalTo(List.of("BIND_TYPE")))
        .body("previousVersion", nullValue());
    as("admin")
        .contentType("application/yaml")
        .body(utf8(v1.replace("PT15M", "PT20M")))
        .post("/api/processes")
        .then()
        .statusCode(201)
        .body("version", equalTo(2));
    bindingOf("BIND_TYPE").then().body("processVersion", equalTo(1));

    as("admin")
        .post("/api/processes/BIND_TEST/versions/2/activate")
        .then()
        .statusCode(200)
        .body("previousVersion", equalTo(1));
    bindingOf("BIND_TYPE")
        .then()
        .body("processVersion", equalTo(2))
        .body("boundBy", equalTo("admin"));
    as("auditor1")
        .queryParam("entityType", "process")
        .queryParam("entityId", "BIND_TEST/2")
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("action", hasItem("process.activated"))
        .body("find { it.action == 'process.activated' }.actor", equalTo("admin"));
    as("auditor1")
        .queryParam("entityType", "process")
        .queryParam("entityId", "BIND_TEST/2")
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("action", hasItem("process.saved"))
        .body("find { it.action == 'process.saved' }.actor", equalTo("admin"));
    as("admin")
        .get("/api/processes/BIND_TEST/versions")
        .then()
        .body("active", equalTo(List.of(false, true)));
  }

  @Test
  void shouldPinACallToTheActiveSubProcessWhenSaved() {
    as("admin")
        .body(json(fixture("PIN_TEST", "PIN_TYPE").replace(", version: 1", "")))
        .post("/api/processes")
        .then()
        .statusCode(201)
        .body("nodes.find { it.id == 'scan' }.call.version", equalTo(1));
  }

  static Stream<Arguments> invalid() {
    return Stream.of(
        Arguments.of("post: REVIEW", "post: JANITOR", "nodes[review].post"),
        Arguments.of(", post: REVIEW", "", "nodes[review].post"),
        Arguments.of(", timeLimit: PT15M", "", "nodes[review].timeLimit"),
        Arguments.of("  - { from: seal, to: joined }\n", "", "nodes[seal]"),
        Arguments.of("  - { from: scan, to: split }\n", "", "nodes[split]"),
        Arguments.of("process: SCAN", "process: TRANSFER", "nodes[scan].call"),
        Arguments.of("fork: split", "fork: entry", "nodes[joined].fork"),
        Arguments.of("{ id: seal,", "{ id: entry,", "nodes[entry].id"),
        Arguments.of("!= cents(", "!= (", "transitions[joined->returned].guard"));
  }

  @ParameterizedTest(name = "{2}")
  @MethodSource("invalid")
  void shouldRefuseAnInvalidProcessNamingTheNode(String find, String replace, String field) {
    String body = json(fixture("BAD_TEST", "BAD_TYPE").replace(find, replace));
    for (String path : List.of("/api/processes", "/api/processes/validate")) {
      as("admin")
          .body(body)
          .post(path)
          .then()
          .statusCode(400)
          .contentType("application/problem+json")
          .body("code", equalTo("process.invalid"))
          .body("errors.field", hasItem(field));
    }
    as("admin")
        .get("/api/processes/BAD_TEST")
        .then()
        .statusCode(404)
        .body("code", equalTo("process.not-found"));
  }

  @Test
  void shouldValidateWithoutStoring() {
    as("admin")
        .contentType("application/yaml")
        .body(utf8(fixture("DRY_TEST", "DRY_TYPE").replace(", version: 1", "")))
        .post("/api/processes/validate")
        .then()
        .statusCode(200)
        .body("valid", equalTo(true))
        .body("nextVersion", equalTo(1))
        .body("definition.nodes.find { it.id == 'scan' }.call.version", equalTo(1));
    as("admin").get("/api/processes/DRY_TEST").then().statusCode(404);
  }

  @Test
  void shouldRefuseAnAttributeTheModelDoesNotKnow() {
    as("admin")
        .body(
            json(fixture("TYPO_TEST", "TYPO_TYPE").replace("timeLimit: PT15M", "timelimit: PT15M")))
        .post("/api/processes")
        .then()
        .statusCode(400)
        .body("code", equalTo("process.malformed"))
        .body("errors[0].field", equalTo("nodes[5].timelimit"));
  }

  @Test
  void shouldDiffTwoVersions() {
    String v1 = fixture("DIFF_TEST", "DIFF_TYPE");
    as("admin").body(json(v1)).post("/api/processes").then().statusCode(201);
    as("admin")
        .body(
            json(
                v1.replace("PT15M", "PT30M")
                    .replace("  - { id: done,", "  - { id: risk, kind: risk }\n  - { id: done,")
                    .replace(
                        "  - { from: review, to: done, on: approve }",
                        "  - { from: review, to: risk, on: approve }\n  - { from: risk, to: done }")))
        .post("/api/processes")
        .then()
        .statusCode(201);

    as("supervisor1")
        .queryParam("from", 1)
        .queryParam("to", 2)
        .get("/api/processes/DIFF_TEST/diff")
        .then()
        .statusCode(200)
        .body("nodes.added.id", equalTo(List.of("risk")))
        .body("nodes.changed[0].key", equalTo("review"))
        .body("nodes.changed[0].attributes", equalTo(List.of("timeLimit")))
        .body("nodes.changed[0].before.timeLimit", equalTo("PT15M"))
        .body("transitions.added.to", equalTo(List.of("risk", "done")))
        .body("transitions.removed[0].to", equalTo("done"));
    as("admin")
        .get("/api/processes/DIFF_TEST/diff")
        .then()
        .statusCode(400)
        .body("code", equalTo("process.diff-versions-missing"));
  }

  @Test
  void shouldNeverRewriteAStoredVersion() {
    as("admin")
        .body(json(fixture("FIXED_TEST", "FIXED_TYPE")))
        .post("/api/processes")
        .then()
        .statusCode(201);
    assertThatThrownBy(
            () ->
                pool.query("update process_version set name = 'changed' where code = 'FIXED_TEST'")
                    .execute()
                    .await()
                    .atMost(Duration.ofSeconds(10)))
        .hasMessageContaining("immutable");
    assertThatThrownBy(
            () ->
                pool.query("delete from process_version where code = 'FIXED_TEST'")
                    .execute()
                    .await()
                    .atMost(Duration.ofSeconds(10)))
        .hasMessageContaining("immutable");
  }

  @Test
  void shouldLetOnlyAdministratorsWrite() {
    as("supervisor1")
        .body(json(fixture("SUP_TEST", "SUP_TYPE")))
        .post("/api/processes")
        .then()
        .statusCode(403);
    as("auditor1").post("/api/processes/TRANSFER/versions/1/activate").then().statusCode(403);
    as("keyer1").get("/api/processes").then().statusCode(403);
  }

  private static Response bindingOf(String businessType) {
    return as("supervisor1").get("/api/processes/bindings/" + businessType);
  }

  private static String fixture(String code, String businessType) {
    return ProcessFixtures.VALID
        .replace("code: TEST", "code: " + code)
        .replace("[TEST]", "[" + businessType + "]");
  }

  /** YAML as bytes: rest-assured encodes strings only for the media types it knows. */
  private static byte[] utf8(String yaml) {
    return yaml.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** The fixture as JSON, as most designers send it. */
  private static String json(String yaml) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .writeValueAsString(
              new com.fasterxml.jackson.dataformat.yaml.YAMLMapper().readTree(yaml));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
