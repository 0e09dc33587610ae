package io.voucherflow.template.rest;

import static io.restassured.RestAssured.given;
import static io.voucherflow.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.voucherflow.support.Tokens;
import io.voucherflow.template.TemplateDefinition;
import io.voucherflow.template.TemplateFixtures;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
class TemplateResourceTest {

  @Inject ObjectMapper json;
  @Inject Pool pool;

  @Test
  void shouldVersionTemplatesWithoutChangingOlderVersions() throws Exception {
    byte[] reference = TemplateFixtures.png(1000, 500);
    upload(TemplateFixtures.slip("SLIP_A", "Slip, first edition"), reference)
        .then()
        .statusCode(201)
        .header("Location", endsWith("/api/templates/SLIP_A/versions/1"))
        .body("version", equalTo(1));
    upload(TemplateFixtures.slip("SLIP_A", "Slip, second edition"), reference)
        .then()
        .statusCode(201)
        .body("version", equalTo(2));

    as("teller1")
        .get("/api/templates/SLIP_A")
        .then()
        .statusCode(200)
        .body("version", equalTo(2))
        .body("name", equalTo("Slip, second edition"))
        .body("fields.find { it.name == 'amountFigures' }.kind", equalTo("amount_figures"))
        .body("fields.find { it.name == 'amountFigures' }.region.width", equalTo(70.0f))
        .body("referenceWidthPx", equalTo(1000));
    as("teller1")
        .get("/api/templates/SLIP_A/versions/1")
        .then()
        .statusCode(200)
        .body("name", equalTo("Slip, first edition"));
    as("teller1")
        .get("/api/templates")
        .then()
        .statusCode(200)
        .body("find { it.code == 'SLIP_A' }.version", equalTo(2));

    byte[] served =
        as("reviewer1")
            .accept("image/png")
            .get("/api/templates/SLIP_A/versions/1/reference-image")
            .then()
            .statusCode(200)
            .contentType("image/png")
            .extract()
            .asByteArray();
    assertThat(served).isEqualTo(reference);
  }

  @Test
  void shouldNameTheBadFieldOfAnInvalidTemplate() throws Exception {
    TemplateDefinition t = TemplateFixtures.slip("SLIP_BAD", "Bad slip");
    String body = json.writeValueAsString(t).replace("\"width\":80.0", "\"width\":400.0");
    as("admin")
        .contentType("multipart/form-data")
        .multiPart("definition", body, "application/json")
        .multiPart("referenceImage", "ref.png", TemplateFixtures.png(1000, 500), "image/png")
        .post("/api/templates")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("template.invalid"))
        .body("errors.field", hasItem("fields[0].region"));
    as("admin")
        .get("/api/templates/SLIP_BAD")
        .then()
        .statusCode(404)
        .body("code", equalTo("template.not-found"));
  }

  @Test
  void shouldRefuseAReferenceImageOfTheWrongShape() throws Exception {
    upload(TemplateFixtures.slip("SLIP_SQUARE", "Square"), TemplateFixtures.png(800, 800))
        .then()
        .statusCode(400)
        .body("code", equalTo("template.reference-image-mismatch"))
        .body("errors[0].field", equalTo("referenceImage"));
    upload(TemplateFixtures.slip("SLIP_TEXT", "Text"), "not an image".getBytes())
        .then()
        .statusCode(400)
        .body("code", equalTo("template.reference-image-unreadable"));
  }

  @Test
  void shouldLetOnlyAdministratorsCreateTemplates() throws Exception {
    given()
        .auth()
        .oauth2(Tokens.of("supervisor1"))
        .multiPart(
            "definition",
            json.writeValueAsString(TemplateFixtures.slip("SLIP_SUP", "Sup")),
            "application/json")
        .multiPart("referenceImage", "ref.png", TemplateFixtures.png(1000, 500), "image/png")
        .post("/api/templates")
        .then()
        .statusCode(403);
    as("keyer1").get("/api/templates").then().statusCode(403);
  }

  @Test
  void shouldNeverRewriteAStoredVersion() throws Exception {
    upload(TemplateFixtures.slip("SLIP_FIXED", "Fixed"), TemplateFixtures.png(1000, 500))
        .then()
        .statusCode(201);
    assertThatThrownBy(
            () ->
                pool.query("update voucher_template set name = 'changed' where code = 'SLIP_FIXED'")
                    .execute()
                    .await()
                    .atMost(Duration.ofSeconds(10)))
        .hasMessageContaining("immutable");
  }

  private RequestSpecification spec() {
    return given().auth().oauth2(Tokens.of("admin")).accept("application/json");
  }

  private io.restassured.response.Response upload(TemplateDefinition t, byte[] image)
      throws Exception {
    return spec()
        .multiPart("definition", json.writeValueAsString(t), "application/json")
        .multiPart("referenceImage", "ref.png", image, "image/png")
        .post("/api/templates");
  }
}
