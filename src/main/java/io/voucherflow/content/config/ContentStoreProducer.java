package io.voucherflow.content.config;

import io.quarkus.runtime.Startup;
import io.vertx.mutiny.core.Vertx;
import io.voucherflow.content.ContentStore;
import io.voucherflow.content.FileSystemContentStore;
import io.voucherflow.content.S3Bucket;
import io.voucherflow.content.S3ContentStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.util.Locale;
import java.util.Optional;

/** Makes the store {@code vf.content.store} names the application's one {@link ContentStore}. */
@ApplicationScoped
public class ContentStoreProducer {

  /** Created at startup, so an incomplete S3 configuration stops the boot rather than a capture. */
  @Produces
  @ApplicationScoped
  @Startup
  ContentStore contentStore(Vertx vertx, ContentConfig config) {
    return create(vertx, config);
  }

  void close(@Disposes ContentStore store) {
    if (store instanceof S3ContentStore s3) {
      s3.close();
    }
  }

  static ContentStore create(Vertx vertx, ContentConfig config) {
    return switch (config.store()) {
      case FILESYSTEM -> new FileSystemContentStore(vertx, config.root());
      case S3 -> new S3ContentStore(vertx, bucket(config.s3()));
    };
  }

  static S3Bucket bucket(ContentConfig.S3 s3) {
    return new S3Bucket(
        required(s3.endpoint(), "endpoint"),
        required(s3.bucket(), "bucket"),
        s3.region(),
        required(s3.accessKey(), "access-key"),
        required(s3.secretKey(), "secret-key"),
        s3.prefix().orElse(""),
        s3.requestTimeout());
  }

  private static <T> T required(Optional<T> value, String property) {
    return value.orElseThrow(
        () ->
            new IllegalStateException(
                "vf.content.store=s3 needs vf.content.s3."
                    + property
                    + " (environment: VF_CONTENT_S3_"
                    + property.toUpperCase(Locale.ROOT).replace('-', '_')
                    + ")"));
  }
}
