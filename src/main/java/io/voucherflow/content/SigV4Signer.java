package io.voucherflow.content;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** AWS Signature Version 4 for requests signed in the {@code Authorization} header. */
final class SigV4Signer {

  static final String ALGORITHM = "AWS4-HMAC-SHA256";

  private final String accessKey;
  private final String secretKey;
  private final String region;
  private final String service;

  SigV4Signer(String accessKey, String secretKey, String region, String service) {
    this.accessKey = accessKey;
    this.secretKey = secretKey;
    this.region = region;
    this.service = service;
  }

  /**
   * The {@code Authorization} header value. {@code headers} are those sent and signed; they must
   * include {@code host} and {@code x-amz-date} (the request time, {@code yyyyMMdd'T'HHmmss'Z'}).
   * {@code canonicalUri} is the path exactly as sent (already URI-encoded), {@code canonicalQuery}
   * the sorted, encoded query ({@code ""} for none).
   */
  String authorization(
      String method,
      String canonicalUri,
      String canonicalQuery,
      Map<String, String> headers,
      String payloadSha256) {
    Map<String, String> canonical = canonicalHeaders(headers);
    String amzDate = canonical.get("x-amz-date");
    if (amzDate == null || !canonical.containsKey("host")) {
      throw new IllegalArgumentException("A signed request needs host and x-amz-date headers");
    }
    String request =
        canonicalRequest(method, canonicalUri, canonicalQuery, canonical, payloadSha256);
    String signature = signature(amzDate, stringToSign(amzDate, request));
    return ALGORITHM
        + " Credential="
        + accessKey
        + "/"
        + scope(amzDate)
        + ", SignedHeaders="
        + String.join(";", canonical.keySet())
        + ", Signature="
        + signature;
  }

  /** Lower-case names in sorted order, values trimmed with inner runs of spaces folded to one. */
  static Map<String, String> canonicalHeaders(Map<String, String> headers) {
    Map<String, String> canonical = new TreeMap<>();
    headers.forEach(
        (name, value) ->
            canonical.put(name.toLowerCase(Locale.ROOT), value.trim().replaceAll(" +", " ")));
    return canonical;
  }

  static String canonicalRequest(
      String method,
      String canonicalUri,
      String canonicalQuery,
      Map<String, String> canonicalHeaders,
      String payloadSha256) {
    String headerLines =
        canonicalHeaders.entrySet().stream()
            .map(e -> e.getKey() + ":" + e.getValue() + "\n")
            .collect(Collectors.joining());
    return method
        + "\n"
        + canonicalUri
        + "\n"
        + canonicalQuery
        + "\n"
        + headerLines
        + "\n"
        + String.join(";", canonicalHeaders.keySet())
        + "\n"
        + payloadSha256;
  }

  String stringToSign(String amzDate, String canonicalRequest) {
    return ALGORITHM
        + "\n"
        + amzDate
        + "\n"
        + scope(amzDate)
        + "\n"
        + Sha256.of(canonicalRequest.getBytes(StandardCharsets.UTF_8));
  }

  String signature(String amzDate, String stringToSign) {
    byte[] key = ("AWS4" + secretKey).getBytes(StandardCharsets.UTF_8);
    for (String part : scope(amzDate).split("/")) {
      key = hmac(key, part);
    }
    return HexFormat.of().formatHex(hmac(key, stringToSign));
  }

  private String scope(String amzDate) {
    return amzDate.substring(0, 8) + "/" + region + "/" + service + "/aws4_request";
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", impossible);
    }
  }
}
