package io.voucherflow.content;

import io.voucherflow.common.error.UnavailableException;
import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Failed S3 calls as the error model sees them: the content store is unavailable. */
final class S3Failure {

  static final String CODE = "content.unavailable";
  // Clients see only the code and this detail; the cause (request, S3 error code) goes to the log.
  private static final String DETAIL = "The content store cannot be reached";
  private static final Pattern ERROR_CODE = Pattern.compile("<Code>([^<]*)</Code>");
  private static final Pattern ERROR_MESSAGE = Pattern.compile("<Message>([^<]{0,200})");

  private S3Failure() {}

  /** An answer other than the expected one: refused credentials, server error, no bucket… */
  static UnavailableException of(HttpResponse<byte[]> response) {
    HttpRequest request = response.request();
    String body = new String(response.body(), StandardCharsets.UTF_8);
    String explanation =
        first(ERROR_CODE, body).map(code -> " " + code).orElse("")
            + first(ERROR_MESSAGE, body).map(message -> ": " + message).orElse("");
    return new UnavailableException(
        CODE,
        DETAIL,
        new IOException(
            request.method()
                + " "
                + request.uri()
                + " answered "
                + response.statusCode()
                + explanation));
  }

  /** The server could not be reached or did not answer in time. */
  static UnavailableException unreachable(HttpRequest request, Throwable failure) {
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    return new UnavailableException(
        CODE,
        DETAIL,
        new IOException(request.method() + " " + request.uri() + " failed: " + cause, cause));
  }

  /** Failures of the transport itself, as opposed to answers already translated. */
  static boolean isTransport(Throwable failure) {
    return failure instanceof IOException
        || failure instanceof InterruptedException
        || (failure instanceof CompletionException && failure.getCause() instanceof IOException);
  }

  /**
   * A 404 for the object itself. A missing bucket also answers 404, but that is a fault of the
   * deployment, not missing content. (Without s3:ListBucket, S3 answers 403 for a missing key.)
   */
  static boolean isMissingObject(HttpResponse<byte[]> response) {
    return response.statusCode() == 404
        && !"NoSuchBucket"
            .equals(
                first(ERROR_CODE, new String(response.body(), StandardCharsets.UTF_8)).orElse(""));
  }

  private static Optional<String> first(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
