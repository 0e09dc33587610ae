package io.voucherflow.content.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** Content store settings (prefix {@code vf.content}). */
@ConfigMapping(prefix = "vf.content")
public interface ContentConfig {

  /** Where content lives: {@code filesystem} (under {@link #root()}) or {@code s3} (a bucket). */
  @WithDefault("filesystem")
  Kind store();

  /**
   * Directory of the filesystem content store; in a cluster, a persistent volume shared by all
   * pods.
   */
  @WithDefault("${user.home}/.voucherflow/content")
  Path root();

  /** The S3-compatible bucket, read only when {@link #store()} is {@code s3}. */
  S3 s3();

  /** The content store implementations. */
  enum Kind {
    FILESYSTEM,
    S3
  }

  /** An S3-compatible bucket (AWS S3, MinIO, Ceph RGW…), addressed path-style. */
  interface S3 {

    /** Base URL of the service, e.g. {@code https://minio.bank.example:9000}; required for s3. */
    Optional<URI> endpoint();

    /** Bucket holding the content; it must exist. Required for s3. */
    Optional<String> bucket();

    /** Region the requests are signed for; S3-compatible servers mostly accept the default. */
    @WithDefault("us-east-1")
    String region();

    /** Access key id; in a cluster, from a Secret (VF_CONTENT_S3_ACCESS_KEY). Required for s3. */
    Optional<String> accessKey();

    /**
     * Secret access key; in a cluster, from a Secret (VF_CONTENT_S3_SECRET_KEY). Required for s3.
     */
    Optional<String> secretKey();

    /**
     * Prepended to every object key (e.g. {@code voucherflow/}) to share a bucket; none by default.
     */
    Optional<String> prefix();

    /** Longest wait for one request (connect, send, answer) before the store counts as down. */
    @WithDefault("30s")
    Duration requestTimeout();
  }
}
