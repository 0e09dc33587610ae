package io.voucherflow.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.vertx.mutiny.core.Vertx;
import io.voucherflow.common.error.UnavailableException;
import io.voucherflow.devstack.Ports;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class S3ContentStoreTest {

  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Vertx VERTX = Vertx.vertx();

  @RegisterExtension static final S3TestServer S3 = new S3TestServer();

  @AfterAll
  static void closeVertx() {
    VERTX.closeAndAwait();
  }

  @Test
  void shouldStoreContentOnceUnderItsSha256() {
    S3Bucket bucket = S3.bucket("once", "vf/");
    try (S3ContentStore store = new S3ContentStore(VERTX, bucket)) {
      byte[] image = "front of voucher 42".getBytes(StandardCharsets.UTF_8);
      String first = store.put(image).await().atMost(WAIT);
      String second = store.put(image).await().atMost(WAIT);

      assertThat(first).isEqualTo(second).isEqualTo(Sha256.of(image));
      assertThat(store.get(first).await().atMost(WAIT)).isEqualTo(image);
      assertThat(store.exists(first).await().atMost(WAIT)).isTrue();
      assertThat(S3.objectNames("once"))
          .containsExactly("vf/" + first.substring(0, 2) + "/" + first);
    }
  }

  @Test
  void shouldReportMissingContent() {
    try (S3ContentStore store = new S3ContentStore(VERTX, S3.bucket("missing", ""))) {
      String absent = Sha256.of(new byte[] {1, 2, 3});
      assertThat(store.exists(absent).await().atMost(WAIT)).isFalse();
      assertThatThrownBy(() -> store.get(absent).await().atMost(WAIT))
          .isInstanceOf(ContentMissingException.class);
      assertThatThrownBy(() -> store.getNow(absent)).isInstanceOf(ContentMissingException.class);
    }
  }

  @Test
  void shouldServePipelineThreadsBlocking() {
    try (S3ContentStore store = new S3ContentStore(VERTX, S3.bucket("blocking", ""))) {
      byte[] slice = "amount in words".getBytes(StandardCharsets.UTF_8);
      String sha = store.putDerivedNow(slice);

      assertThat(sha).isEqualTo(Sha256.of(slice));
      assertThat(store.getNow(sha)).isEqualTo(slice);
      assertThat(S3.objectNames("blocking")).containsExactly(sha.substring(0, 2) + "/" + sha);
    }
  }

  @Test
  void shouldStoreAFiveMebibyteScan() {
    byte[] scan = new byte[5 * 1024 * 1024];
    new Random(42).nextBytes(scan);
    try (S3ContentStore store = new S3ContentStore(VERTX, S3.bucket("large", ""))) {
      String sha = store.put(scan).await().atMost(WAIT);

      assertThat(store.get(sha).await().atMost(WAIT)).isEqualTo(scan);
      assertThat(store.getNow(sha)).isEqualTo(scan);
    }
  }

  @Test
  void shouldLetTheServerRefuseBytesThatDoNotMatchTheirHash() throws Exception {
    try (S3ContentStore store = new S3ContentStore(VERTX, S3.bucket("integrity", ""));
        HttpClient http = HttpClient.newHttpClient()) {
      String sha = Sha256.of(new byte[] {1, 2, 3});
      HttpRequest damaged =
          store
              .signed("PUT", sha, sha)
              .PUT(BodyPublishers.ofByteArray(new byte[] {1, 2, 4}))
              .build();

      HttpResponse<String> answer = http.send(damaged, BodyHandlers.ofString());

      // Why a put sends the content's SHA-256 as x-amz-content-sha256: bytes damaged on the way
      // are refused instead of being stored under a name they do not hash to.
      assertThat(answer.statusCode()).isEqualTo(400);
      assertThat(answer.body()).contains("XAmzContentSHA256Mismatch");
      assertThat(S3.objectNames("integrity")).isEmpty();
    }
  }

  @Test
  void shouldFailClearlyWhenTheServerRefusesTheSignature() {
    S3Bucket right = S3.bucket("refused", "");
    S3Bucket wrongSecret =
        new S3Bucket(
            right.endpoint(),
            right.name(),
            right.region(),
            right.accessKey(),
            "not-the-secret",
            right.prefix(),
            right.requestTimeout());
    try (S3ContentStore store = new S3ContentStore(VERTX, wrongSecret)) {
      byte[] image = "signed with the wrong key".getBytes(StandardCharsets.UTF_8);

      assertThatThrownBy(() -> store.put(image).await().atMost(WAIT))
          .isInstanceOf(UnavailableException.class)
          .hasFieldOrPropertyWithValue("code", "content.unavailable")
          .cause()
          .hasMessageContaining("PUT " + right.endpoint() + "/refused/")
          .hasMessageContaining("answered 403 SignatureDoesNotMatch");
      assertThatThrownBy(() -> store.putDerivedNow(image)).isInstanceOf(UnavailableException.class);
      assertThat(S3.objectNames("refused")).isEmpty();
    }
  }

  @Test
  void shouldCountAMissingBucketAsAFaultNotAsMissingContent() {
    S3Bucket bucket = S3.bucket("present", "");
    S3Bucket absent =
        new S3Bucket(
            bucket.endpoint(),
            "absent",
            bucket.region(),
            bucket.accessKey(),
            bucket.secretKey(),
            "",
            bucket.requestTimeout());
    try (S3ContentStore store = new S3ContentStore(VERTX, absent)) {
      assertThatThrownBy(() -> store.getNow(Sha256.of(new byte[] {7})))
          .isInstanceOf(UnavailableException.class)
          .cause()
          .hasMessageContaining("NoSuchBucket");
    }
  }

  @Test
  void shouldCountAnUnreachableServerAsUnavailable() {
    S3Bucket nowhere =
        new S3Bucket(
            URI.create("http://127.0.0.1:" + Ports.free()),
            "vouchers",
            "us-east-1",
            S3TestServer.ACCESS_KEY,
            S3TestServer.SECRET_KEY,
            "",
            Duration.ofSeconds(5));
    try (S3ContentStore store = new S3ContentStore(VERTX, nowhere)) {
      assertThatThrownBy(() -> store.put(new byte[] {1}).await().atMost(WAIT))
          .isInstanceOf(UnavailableException.class)
          .hasFieldOrPropertyWithValue("code", "content.unavailable");
      assertThatThrownBy(() -> store.getNow(Sha256.of(new byte[] {1})))
          .isInstanceOf(UnavailableException.class);
    }
  }

  @Test
  void shouldRefuseNamesThatAreNotHashes() {
    try (S3ContentStore store = new S3ContentStore(VERTX, S3.bucket("names", ""))) {
      assertThatThrownBy(() -> store.get("../../etc/passwd").await().atMost(WAIT))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void shouldAnswerOnTheCallersVertxContext() throws Exception {
    try (S3ContentStore store = new S3ContentStore(VERTX, S3.bucket("context", ""))) {
      io.vertx.core.Context caller = VERTX.getDelegate().getOrCreateContext();
      CompletableFuture<Boolean> sameContext = new CompletableFuture<>();
      caller.runOnContext(
          ignored ->
              store
                  .put("posted after the put".getBytes(StandardCharsets.UTF_8))
                  .chain(sha -> store.get(sha))
                  .subscribe()
                  .with(
                      bytes -> sameContext.complete(io.vertx.core.Vertx.currentContext() == caller),
                      sameContext::completeExceptionally));

      // Hibernate Reactive, which follows a put at capture, works only on the caller's context.
      assertThat(sameContext.get(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    }
  }
}
