package io.voucherflow.content;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.BlobStoreContext;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.domain.StorageType;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real S3 server for a test class: S3Proxy in-process on a free loopback port, over an in-memory
 * jclouds blob store, checking SigV4 signatures against its own credentials.
 */
final class S3TestServer implements BeforeAllCallback, AfterAllCallback {

  static final String ACCESS_KEY = "vf-test-access";
  static final String SECRET_KEY = "vf-test-secret-0123456789";

  private BlobStoreContext blobs;
  private S3Proxy proxy;

  @Override
  public void beforeAll(ExtensionContext context) throws Exception {
    blobs = ContextBuilder.newBuilder("transient").build(BlobStoreContext.class);
    proxy =
        S3Proxy.builder()
            .blobStore(blobs.getBlobStore())
            .endpoint(URI.create("http://127.0.0.1:0"))
            .awsAuthentication(AuthenticationType.AWS_V4, ACCESS_KEY, SECRET_KEY)
            .build();
    proxy.start();
    await().atMost(Duration.ofSeconds(30)).until(() -> "STARTED".equals(proxy.getState()));
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    if (proxy != null) {
      proxy.stop();
    }
    if (blobs != null) {
      blobs.close();
    }
  }

  URI endpoint() {
    return URI.create("http://127.0.0.1:" + proxy.getPort());
  }

  /** Creates the bucket (if new) and answers settings that reach it with the right credentials. */
  S3Bucket bucket(String name, String prefix) {
    blobStore().createContainerInLocation(null, name);
    return new S3Bucket(
        endpoint(), name, "us-east-1", ACCESS_KEY, SECRET_KEY, prefix, Duration.ofSeconds(10));
  }

  /** Names of the objects in the bucket, read from the server's own storage. */
  List<String> objectNames(String bucket) {
    return blobStore().list(bucket, ListContainerOptions.Builder.recursive()).stream()
        .filter(m -> m.getType() == StorageType.BLOB)
        .map(StorageMetadata::getName)
        .sorted()
        .toList();
  }

  private BlobStore blobStore() {
    return blobs.getBlobStore();
  }
}
