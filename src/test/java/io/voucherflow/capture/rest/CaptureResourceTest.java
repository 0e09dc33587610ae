package io.voucherflow.capture.rest;

import static io.restassured.RestAssured.given;
import static io.voucherflow.support.Api.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.voucherflow.imaging.OtsuRectDeskewer;
import io.voucherflow.imaging.PageImage;
import io.voucherflow.support.Tokens;
import io.voucherflow.synthetic.GeneratedVoucher;
import io.voucherflow.synthetic.ShippedTemplates;
import io.voucherflow.synthetic.SyntheticVoucherGenerator;
import io.voucherflow.synthetic.SyntheticVoucherGenerator.Options;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CaptureResourceTest {

  private static final SyntheticVoucherGenerator GENERATOR = new SyntheticVoucherGenerator();
  private static final Duration PIPELINE = Duration.ofSeconds(60);

  @Inject Pool pool;

  @Test
  void shouldAcceptAChequeAndSliceItWithinTheSameMinute() {
    GeneratedVoucher cheque =
        GENERATOR.generate(ShippedTemplates.byCode("TRANSFER_CHEQUE"), 11, Options.defaults());
    String requestId = "scan-" + UUID.randomUUID();
    String id =
        capture("teller1", requestId, cheque.jpeg())
            .then()
            .statusCode(202)
            .header(
                "Location",
                endsWith(
                    "/api/vouchers/"
                        + capture("teller1", requestId, cheque.jpeg())
                            .then()
                            .statusCode(202)
                            .extract()
                            .path("id")))
            .body("state", equalTo("ACCEPTED"))
            .extract()
            .path("id");

    await()
        .atMost(PIPELINE)
        .until(() -> !"ACCEPTED".equals(as("teller1").get("/api/vouchers/" + id).path("state")));
    as("teller1")
        .get("/api/vouchers/" + id)
        .then()
        .statusCode(200)
        .body("state", equalTo("SLICED"))
        .body("template.code", equalTo("TRANSFER_CHEQUE"))
        .body("template.recognition", equalTo("QR"))
        .body("template.serial", equalTo(cheque.truth().serial()))
        .body("skewDegrees", notNullValue())
        .body("fields.name", hasItems("payer_account", "amount_figures"))
        .body(
            "stageMillis.keySet()",
            hasItems("decode", "deskew", "identify", "align", "slice", "ocr"));
  }

  @Test
  void shouldServeSlicesAndImagesAndAuditEveryView() {
    GeneratedVoucher slip =
        GENERATOR.generate(ShippedTemplates.byCode("CREDIT_SLIP"), 12, Options.defaults());
    String id =
        capture("teller1", "scan-" + UUID.randomUUID(), slip.jpeg())
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    await()
        .atMost(PIPELINE)
        .until(() -> "SLICED".equals(as("teller1").get("/api/vouchers/" + id).path("state")));

    String field = as("reviewer1").get("/api/vouchers/" + id).path("fields[0].name");
    byte[] slice =
        as("reviewer1")
            .accept("image/png")
            .get("/api/vouchers/" + id + "/fields/" + field + "/slice")
            .then()
            .statusCode(200)
            .contentType("image/png")
            .extract()
            .asByteArray();
    assertThat(slice).isNotEmpty();
    byte[] front =
        as("teller1")
            .accept("image/jpeg")
            .get("/api/vouchers/" + id + "/images/front")
            .then()
            .statusCode(200)
            .contentType("image/jpeg")
            .extract()
            .asByteArray();
    assertThat(front).isEqualTo(slip.jpeg());
    byte[] deskewed =
        as("teller1")
            .accept("image/jpeg")
            .get("/api/vouchers/" + id + "/images/deskewed")
            .then()
            .statusCode(200)
            .contentType("image/jpeg")
            .extract()
            .asByteArray();
    try (PageImage straight = PageImage.decode(deskewed)) {
      assertThat(straight.width()).isEqualTo(slip.truth().imageWidth());
      assertThat(Math.abs(new OtsuRectDeskewer(15, 0).measure(straight))).isLessThan(0.3);
    }
    assertThat(Math.abs(slip.truth().skewDegrees())).as("the sample is skewed").isGreaterThan(1);

    as("auditor1")
        .queryParam("entityType", "voucher")
        .queryParam("entityId", id)
        .get("/api/audit")
        .then()
        .statusCode(200)
        .body("action", hasItems("voucher.captured", "voucher.processed", "voucher.image-viewed"))
        .body("find { it.action == 'voucher.captured' }.actor", equalTo("teller1"))
        .body("find { it.action == 'voucher.captured' }.actorRoles", containsString("teller"))
        .body(
            "findAll { it.action == 'voucher.image-viewed' }.actor",
            hasItems("reviewer1", "teller1"));
  }

  @Test
  void shouldRecogniseAVoucherWithoutQrOrLeaveItForClassification() {
    GeneratedVoucher remittance =
        GENERATOR.generate(
            ShippedTemplates.byCode("REMITTANCE"), 13, Options.defaults().withNoQr(true));
    String id =
        capture("teller2", "scan-" + UUID.randomUUID(), remittance.jpeg())
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    await()
        .atMost(PIPELINE)
        .until(() -> !"ACCEPTED".equals(as("teller2").get("/api/vouchers/" + id).path("state")));
    Response voucher = as("teller2").get("/api/vouchers/" + id);
    // Layout matching either names the right template or hands the voucher to a person; it never
    // guesses wrong.
    assertThat(voucher.<String>path("state")).isIn("SLICED", "CLASSIFICATION_NEEDED");
    assertThat(voucher.<String>path("template.recognition")).isEqualTo("MATCH");
    if ("SLICED".equals(voucher.path("state"))) {
      assertThat(voucher.<String>path("template.code")).isEqualTo("REMITTANCE");
    }
  }

  @Test
  void shouldHideOtherBranchesVouchers() {
    GeneratedVoucher cheque =
        GENERATOR.generate(ShippedTemplates.byCode("TRANSFER_CHEQUE"), 14, Options.clean());
    String id =
        capture("teller1", "scan-" + UUID.randomUUID(), cheque.jpeg())
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    as("teller2")
        .get("/api/vouchers/" + id)
        .then()
        .statusCode(404)
        .body("code", equalTo("voucher.not-found"));
    as("supervisor1").get("/api/vouchers/" + id).then().statusCode(200);
  }

  @Test
  void shouldRefuseBadImagesAndStoreNothing() {
    String requestId = "bad-" + UUID.randomUUID();
    capture("teller1", requestId, new byte[0])
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("code", equalTo("capture.image-empty"))
        .body("errors[0].field", equalTo("front"));
    capture("teller1", requestId, "definitely not a picture".getBytes())
        .then()
        .statusCode(400)
        .body("code", equalTo("capture.image-unreadable"));
    capture("teller1", requestId, pngHeader(100_000, 100_000))
        .then()
        .statusCode(400)
        .body("code", equalTo("capture.image-too-many-pixels"));
    byte[] huge = new byte[21 * 1024 * 1024];
    huge[0] = (byte) 0xFF;
    huge[1] = (byte) 0xD8;
    capture("teller1", requestId, huge)
        .then()
        .statusCode(400)
        .body("code", equalTo("capture.image-too-large"));
    assertThat(countVouchers(requestId)).isZero();
  }

  @Test
  void shouldNameTheMissingMetaField() {
    GeneratedVoucher cheque =
        GENERATOR.generate(ShippedTemplates.byCode("TRANSFER_CHEQUE"), 15, Options.clean());
    given()
        .auth()
        .oauth2(Tokens.of("teller1"))
        .multiPart("meta", "{\"businessType\":\"TRANSFER\"}", "application/json")
        .multiPart("front", "front.jpg", cheque.jpeg(), "image/jpeg")
        .post("/api/vouchers")
        .then()
        .statusCode(400)
        .body("code", equalTo("request.validation-failed"))
        .body("errors.field", hasItem("requestId"));
  }

  @Test
  void shouldAnswerEachVoucherOfABatch() {
    GeneratedVoucher good =
        GENERATOR.generate(ShippedTemplates.byCode("CREDIT_SLIP"), 16, Options.defaults());
    String ok = "batch-" + UUID.randomUUID();
    String bad = "batch-" + UUID.randomUUID();
    String meta =
        "[{\"requestId\":\""
            + ok
            + "\",\"businessType\":\"CREDIT\",\"front\":\"f1\"},"
            + "{\"requestId\":\""
            + bad
            + "\",\"businessType\":\"CREDIT\",\"front\":\"f2\"}]";
    given()
        .auth()
        .oauth2(Tokens.of("teller1"))
        .accept("application/json")
        .multiPart("meta", meta, "application/json")
        .multiPart("f1", "f1.jpg", good.jpeg(), "image/jpeg")
        .multiPart("f2", "f2.jpg", new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9}, "image/jpeg")
        .post("/api/vouchers/batch")
        .then()
        .statusCode(200)
        .body("find { it.requestId == '" + ok + "' }.status", equalTo(202))
        .body("find { it.requestId == '" + ok + "' }.id", notNullValue())
        .body("find { it.requestId == '" + bad + "' }.status", equalTo(400))
        .body(
            "find { it.requestId == '" + bad + "' }.problem.code",
            equalTo("capture.image-unreadable"));
    assertThat(countVouchers(bad)).isZero();
    assertThat(countVouchers(ok)).isOne();
  }

  @Test
  void shouldFinishVouchersThatACrashLeftAccepted() {
    GeneratedVoucher cheque =
        GENERATOR.generate(ShippedTemplates.byCode("TRANSFER_CHEQUE"), 17, Options.defaults());
    String id =
        capture("teller1", "scan-" + UUID.randomUUID(), cheque.jpeg())
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    await()
        .atMost(PIPELINE)
        .until(() -> "SLICED".equals(as("teller1").get("/api/vouchers/" + id).path("state")));
    // What a crash between the 202 and the hand-over leaves: the same images, a row still ACCEPTED.
    UUID orphan = UUID.randomUUID();
    pool.preparedQuery(
            "insert into voucher (id, request_id, teller, branch_unit_id, business_type, state,"
                + " original_sha256, original_format, accepted_at)"
                + " select $1, $2, teller, branch_unit_id, business_type, 'ACCEPTED', original_sha256, original_format,"
                + " now() - interval '1 minute' from voucher where id = $3")
        .execute(Tuple.of(orphan, "orphan-" + orphan, UUID.fromString(id)))
        .await()
        .atMost(Duration.ofSeconds(10));
    await()
        .atMost(PIPELINE)
        .until(() -> "SLICED".equals(as("teller1").get("/api/vouchers/" + orphan).path("state")));
  }

  private static Response capture(String teller, String requestId, byte[] front) {
    return given()
        .auth()
        .oauth2(Tokens.of(teller))
        .accept("application/json")
        .multiPart(
            "meta",
            "{\"requestId\":\"" + requestId + "\",\"businessType\":\"TRANSFER\"}",
            "application/json")
        .multiPart("front", "front.jpg", front, "image/jpeg")
        .post("/api/vouchers");
  }

  private long countVouchers(String requestId) {
    return pool.preparedQuery("select count(*) as n from voucher where request_id = $1")
        .execute(Tuple.of(requestId))
        .await()
        .atMost(Duration.ofSeconds(10))
        .iterator()
        .next()
        .getLong("n");
  }

  /** A PNG whose header declares the given size, with no pixels behind it: a decompression bomb. */
  private static byte[] pngHeader(int width, int height) {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.allocate(33);
    b.putLong(0x89504E470D0A1A0AL)
        .putInt(13)
        .putInt(0x49484452)
        .putInt(width)
        .putInt(height)
        .put((byte) 8)
        .put((byte) 0)
        .put((byte) 0)
        .put((byte) 0)
        .put((byte) 0)
        .putInt(0);
    return b.array();
  }
}
