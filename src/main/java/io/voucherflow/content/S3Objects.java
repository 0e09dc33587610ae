package io.voucherflow.content;

import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * Where content lives in the bucket: keys {@code <prefix>ab/<sha256>} and their path-style URLs.
 */
final class S3Objects {

  private static final String UNRESERVED =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

  private final String base;
  private final String prefix;
  private final String host;

  S3Objects(S3Bucket bucket) {
    URI endpoint = bucket.endpoint();
    String path = endpoint.getRawPath() == null ? "" : endpoint.getRawPath().replaceAll("/+$", "");
    this.base =
        endpoint.getScheme()
            + "://"
            + endpoint.getRawAuthority()
            + path
            + "/"
            + encode(bucket.name());
    this.prefix = bucket.prefix();
    this.host = hostHeader(endpoint);
  }

  /** The object key of the content named {@code sha256}; refuses names that are not hashes. */
  String key(String sha256) {
    if (!Sha256.isName(sha256)) {
      throw new IllegalArgumentException("Not a SHA-256 content name: " + sha256);
    }
    return prefix + sha256.substring(0, 2) + "/" + sha256;
  }

  /** The object's URL, its path encoded exactly as the signature's canonical URI. */
  URI uri(String sha256) {
    return URI.create(base + "/" + encode(key(sha256)));
  }

  /** The Host header the JDK client sends for this endpoint: the port only when not the default. */
  String host() {
    return host;
  }

  private static String hostHeader(URI endpoint) {
    int port = endpoint.getPort();
    boolean defaultPort = port == -1 || port == ("https".equals(endpoint.getScheme()) ? 443 : 80);
    return defaultPort ? endpoint.getHost() : endpoint.getHost() + ":" + port;
  }

  /** S3's URI encoding: unreserved characters and '/' as they are, every other byte as %XX. */
  static String encode(String path) {
    StringBuilder out = new StringBuilder();
    for (byte b : path.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c == '/' || UNRESERVED.indexOf(c) >= 0) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }
}
