package io.voucherflow.content.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.vertx.mutiny.core.Vertx;
import io.voucherflow.content.FileSystemContentStore;
import io.voucherflow.content.S3Bucket;
import io.voucherflow.content.S3ContentStore;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The store chosen from the environment variables the README documents. */
class ContentStoreProducerTest {

  private static final Vertx VERTX = Vertx.vertx();

  @AfterAll
  static void closeVertx() {
    VERTX.closeAndAwait();
  }

  private static ContentConfig config(Map<String, String> env) {
    Map<String, String> all = new HashMap<>(env);
    all.putIfAbsent("VF_CONTENT_ROOT", "target/content-test");
    SmallRyeConfig config =
        new SmallRyeConfigBuilder()
            .addDefaultInterceptors()
            // Quarkus reads "30s" as a Duration; plain SmallRye Config knows only ISO-8601.
            .withConverter(Duration.class, 100, new DurationConverter())
            .withSources(new EnvConfigSource(all, 300))
            .withMapping(ContentConfig.class)
            .build();
    return config.getConfigMapping(ContentConfig.class);
  }

  @Test
  void shouldStoreOnTheFilesystemByDefault() {
    assertThat(ContentStoreProducer.create(VERTX, config(Map.of())))
        .isInstanceOf(FileSystemContentStore.class);
  }

  @Test
  void shouldReadTheS3SettingsFromTheEnvironment() {
    ContentConfig config =
        config(
            Map.of(
                "VF_CONTENT_STORE", "s3",
                "VF_CONTENT_S3_ENDPOINT", "https://minio.bank.example:9000",
                "VF_CONTENT_S3_BUCKET", "vouchers",
                "VF_CONTENT_S3_ACCESS_KEY", "voucherflow",
                "VF_CONTENT_S3_SECRET_KEY", "s3cr3t",
                "VF_CONTENT_S3_PREFIX", "prod/",
                "VF_CONTENT_S3_REQUEST_TIMEOUT", "5s"));

    assertThat(ContentStoreProducer.bucket(config.s3()))
        .isEqualTo(
            new S3Bucket(
                URI.create("https://minio.bank.example:9000"),
                "vouchers",
                "us-east-1",
                "voucherflow",
                "s3cr3t",
                "prod/",
                Duration.ofSeconds(5)))
        .asString()
        .doesNotContain("s3cr3t");
    try (S3ContentStore store = (S3ContentStore) ContentStoreProducer.create(VERTX, config)) {
      assertThat(store).asString().contains("vouchers");
    }
  }

  @Test
  void shouldNameTheMissingVariableWhenS3IsIncomplete() {
    ContentConfig config =
        config(
            Map.of(
                "VF_CONTENT_STORE", "s3",
                "VF_CONTENT_S3_ENDPOINT", "http://127.0.0.1:9000",
                "VF_CONTENT_S3_ACCESS_KEY", "voucherflow",
                "VF_CONTENT_S3_SECRET_KEY", "s3cr3t"));

    assertThatThrownBy(() -> ContentStoreProducer.create(VERTX, config))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("vf.content.s3.bucket")
        .hasMessageContaining("VF_CONTENT_S3_BUCKET");
  }
}
