package io.voucherflow.content;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/** Where and how the S3 content store reaches its bucket. */
public record S3Bucket(
    URI endpoint,
    String name,
    String region,
    String accessKey,
    String secretKey,
    String prefix,
    Duration requestTimeout) {

  public S3Bucket {
    Objects.requireNonNull(endpoint, "endpoint");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(region, "region");
    Objects.requireNonNull(accessKey, "accessKey");
    Objects.requireNonNull(secretKey, "secretKey");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    prefix = prefix == null ? "" : prefix;
    if (!"http".equals(endpoint.getScheme()) && !"https".equals(endpoint.getScheme())) {
      throw new IllegalArgumentException("The S3 endpoint must be an http(s) URL: " + endpoint);
    }
  }

  /** Never prints the secret key (records print every component by default). */
  @Override
  public String toString() {
    return "S3Bucket[" + endpoint + "/" + name + ", region " + region + ", key " + accessKey + "]";
  }
}
