package io.voucherflow.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class S3ObjectsTest {

  private static final String SHA = Sha256.of(new byte[] {42});

  private static S3Objects objects(String endpoint, String bucket, String prefix) {
    return new S3Objects(
        new S3Bucket(URI.create(endpoint), bucket, "us-east-1", "a", "s", prefix, Duration.ZERO));
  }

  @Test
  void shouldKeyContentByPrefixAndTheHashesFirstByte() {
    S3Objects objects = objects("https://minio.bank.example:9000", "vouchers", "vf/");

    assertThat(objects.key(SHA)).isEqualTo("vf/" + SHA.substring(0, 2) + "/" + SHA);
    assertThat(objects.uri(SHA))
        .hasToString(
            "https://minio.bank.example:9000/vouchers/vf/" + SHA.substring(0, 2) + "/" + SHA);
    assertThat(objects.host()).isEqualTo("minio.bank.example:9000");
  }

  @Test
  void shouldKeepAnEndpointPathAndEncodeWhatS3Encodes() {
    S3Objects objects = objects("http://ceph.bank.example/s3/", "bank vouchers", "a+b/");

    assertThat(objects.uri(SHA).getRawPath())
        .isEqualTo("/s3/bank%20vouchers/a%2Bb/" + SHA.substring(0, 2) + "/" + SHA);
    assertThat(objects.host()).isEqualTo("ceph.bank.example");
  }

  @Test
  void shouldLeaveTheDefaultPortOutOfTheHost() {
    assertThat(objects("https://s3.example:443", "b", "").host()).isEqualTo("s3.example");
    assertThat(objects("http://s3.example:80", "b", "").host()).isEqualTo("s3.example");
    assertThat(objects("http://127.0.0.1:9000", "b", "").host()).isEqualTo("127.0.0.1:9000");
  }

  @Test
  void shouldRefuseNamesThatAreNotHashes() {
    assertThatThrownBy(() -> objects("http://h", "b", "").key("../../etc/passwd"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
