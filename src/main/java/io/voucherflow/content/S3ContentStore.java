package io.voucherflow.content;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.mutiny.core.Vertx;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;

/** The content store in an S3-compatible bucket, path-style ({@code endpoint/bucket/key}). */
public final class S3ContentStore implements ContentStore, AutoCloseable {

  private static final DateTimeFormatter AMZ_DATE =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final String EMPTY_SHA256 = Sha256.of(new byte[0]);

  private final Vertx vertx;
  private final S3Bucket bucket;
  private final S3Objects objects;
  private final SigV4Signer signer;
  private final HttpClient http;

  public S3ContentStore(Vertx vertx, S3Bucket bucket) {
    this.vertx = vertx;
    this.bucket = bucket;
    this.objects = new S3Objects(bucket);
    this.signer = new SigV4Signer(bucket.accessKey(), bucket.secretKey(), bucket.region(), "s3");
    this.http =
        HttpClient.newBuilder()
            // S3 speaks HTTP/1.1; asking for HTTP/2 over http:// would send an h2c upgrade.
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(bucket.requestTimeout())
            .build();
  }

  /**
   * Durable once S3 acknowledged the PUT, which carries the SHA-256 as {@code x-amz-content-sha256}
   * so the server refuses bytes damaged on the way.
   *
   * <p>No HEAD first to skip content the bucket already holds: new content (nearly every capture)
   * would pay a second round trip before the 202, while rewriting an object stores identical bytes
   * by construction. (With bucket versioning on, a rewrite adds a version: keep versioning off or
   * expire non-current versions.)
   */
  @Override
  public Uni<String> put(byte[] bytes) {
    // Hashing a 20 MiB scan takes tens of milliseconds: a worker's job, not the event loop's.
    return vertx
        .executeBlocking(Uni.createFrom().item(() -> Sha256.of(bytes)), false)
        .chain(sha -> call(() -> put(sha, bytes), response -> stored(response, sha)));
  }

  @Override
  public String putDerivedNow(byte[] bytes) {
    String sha = Sha256.of(bytes);
    return stored(callNow(put(sha, bytes)), sha);
  }

  @Override
  public Uni<byte[]> get(String sha256) {
    return call(() -> get(sha256, "GET"), response -> body(response, sha256));
  }

  @Override
  public byte[] getNow(String sha256) {
    return body(callNow(get(sha256, "GET")), sha256);
  }

  @Override
  public Uni<Boolean> exists(String sha256) {
    return call(
        () -> get(sha256, "HEAD"),
        response ->
            switch (response.statusCode()) {
              case 200 -> true;
              case 404 -> false;
              default -> throw S3Failure.of(response);
            });
  }

  @Override
  public void close() {
    http.close();
  }

  private HttpRequest put(String sha, byte[] bytes) {
    return signed("PUT", sha, sha)
        .header("Content-Type", "application/octet-stream")
        .PUT(BodyPublishers.ofByteArray(bytes))
        .build();
  }

  private HttpRequest get(String sha, String method) {
    return signed(method, sha, EMPTY_SHA256).method(method, BodyPublishers.noBody()).build();
  }

  /** A request for the object named {@code sha}, signed over host, date and payload hash. */
  HttpRequest.Builder signed(String method, String sha, String payloadSha256) {
    URI uri = objects.uri(sha);
    String amzDate = AMZ_DATE.format(Instant.now());
    Map<String, String> headers =
        Map.of(
            "host", objects.host(),
            "x-amz-content-sha256", payloadSha256,
            "x-amz-date", amzDate);
    String authorization =
        signer.authorization(method, uri.getRawPath(), "", headers, payloadSha256);
    // The JDK client sets Host itself (a restricted header) from the same URI.
    return HttpRequest.newBuilder(uri)
        .timeout(bucket.requestTimeout())
        .header("x-amz-content-sha256", payloadSha256)
        .header("x-amz-date", amzDate)
        .header("Authorization", authorization);
  }

  private static String stored(HttpResponse<byte[]> response, String sha) {
    if (response.statusCode() != 200) {
      throw S3Failure.of(response);
    }
    return sha;
  }

  private static byte[] body(HttpResponse<byte[]> response, String sha) {
    if (response.statusCode() == 200) {
      return response.body();
    }
    if (S3Failure.isMissingObject(response)) {
      throw new ContentMissingException(sha);
    }
    throw S3Failure.of(response);
  }

  /**
   * Sends asynchronously; the outcome comes back on the caller's Vert.x context (the JDK client
   * completes on its own threads, where Hibernate Reactive and Vert.x calls must not run).
   */
  private <T> Uni<T> call(Supplier<HttpRequest> request, Function<HttpResponse<byte[]>, T> answer) {
    return Uni.createFrom()
        .deferred(
            () -> {
              Context caller = io.vertx.core.Vertx.currentContext();
              HttpRequest sent = request.get();
              Uni<T> outcome =
                  Uni.createFrom()
                      .completionStage(() -> http.sendAsync(sent, BodyHandlers.ofByteArray()))
                      .onFailure(S3Failure::isTransport)
                      .transform(failure -> S3Failure.unreachable(sent, failure))
                      .map(answer);
              return caller == null
                  ? outcome
                  : outcome.emitOn(task -> caller.runOnContext(ignored -> task.run()));
            });
  }

  private HttpResponse<byte[]> callNow(HttpRequest request) {
    try {
      return http.send(request, BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw S3Failure.unreachable(request, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw S3Failure.unreachable(request, e);
    }
  }

  @Override
  public String toString() {
    return "S3ContentStore[" + bucket + "]";
  }
}
