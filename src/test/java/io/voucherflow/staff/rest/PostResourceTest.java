package io.voucherflow.staff.rest;

import static io.voucherflow.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PostResourceTest {

  @Test
  void shouldListTheDemoPostsWithTheirTaskKinds() {
    as("supervisor1")
        .get("/api/posts")
        .then()
        .statusCode(200)
        .body(
            "code",
            hasItems(
                "COUNTER",
                "KEYING",
                "ARBITRATION",
                "REVIEW",
                "SEAL_VERIFICATION",
                "PHONE_VERIFICATION",
                "AUTHORISATION"))
        .body(
            "find { it.code == 'KEYING' }.taskKinds",
            equalTo(List.of("SLICE_KEYING", "WHOLE_VOUCHER_KEYING")));
  }

  @Test
  void shouldDefineAPostOnce() {
    Map<String, Object> post =
        Map.of(
            "code",
            "OUTSOURCED_KEYING",
            "name",
            "Vendor keying",
            "taskKinds",
            List.of("SLICE_KEYING"),
            "skills",
            List.of("amount"));
    as("admin")
        .body(post)
        .post("/api/posts")
        .then()
        .statusCode(201)
        .body("code", equalTo("OUTSOURCED_KEYING"));
    as("admin")
        .get("/api/posts/OUTSOURCED_KEYING")
        .then()
        .statusCode(200)
        .body("skills", equalTo(List.of("amount")));
    as("admin")
        .body(post)
        .post("/api/posts")
        .then()
        .statusCode(409)
        .body("code", equalTo("post.code-taken"));
    as("admin")
        .body(
            Map.of(
                "code", "EMPTY", "name", "No kinds", "taskKinds", List.of(), "skills", List.of()))
        .post("/api/posts")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("taskKinds"));
  }
}
