package io.voucherflow.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The signer against AWS's published examples: "Signature Calculations for the Authorization
 * Header: Transferring Payload in a Single Chunk" of the Amazon S3 API reference
 * (sig-v4-header-based-auth), and get-vanilla of the Signature Version 4 test suite.
 */
class SigV4SignerTest {

  private static final String EMPTY = Sha256.of(new byte[0]);
  private static final String S3_DATE = "20130524T000000Z";
  private static final String S3_HOST = "examplebucket.s3.amazonaws.com";
  private static final SigV4Signer S3_EXAMPLE =
      new SigV4Signer(
          "AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "us-east-1", "s3");

  @Test
  void shouldSignTheDocumentedGetObjectExample() {
    Map<String, String> headers =
        Map.of(
            "Host", S3_HOST,
            "Range", "bytes=0-9",
            "x-amz-content-sha256", EMPTY,
            "x-amz-date", S3_DATE);
    String canonical =
        SigV4Signer.canonicalRequest(
            "GET", "/test.txt", "", SigV4Signer.canonicalHeaders(headers), EMPTY);

    assertThat(canonical)
        .isEqualTo(
            """
            GET
            /test.txt

            host:examplebucket.s3.amazonaws.com
            range:bytes=0-9
            x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855
            x-amz-date:20130524T000000Z

            host;range;x-amz-content-sha256;x-amz-date
            e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855""");
    assertThat(S3_EXAMPLE.stringToSign(S3_DATE, canonical))
        .isEqualTo(
            """
            AWS4-HMAC-SHA256
            20130524T000000Z
            20130524/us-east-1/s3/aws4_request
            7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972""");
    assertThat(S3_EXAMPLE.authorization("GET", "/test.txt", "", headers, EMPTY))
        .isEqualTo(
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,"
                + " SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
  }

  @Test
  void shouldSignTheDocumentedPutObjectExample() {
    String payload =
        Sha256.of("Welcome to Amazon S3.".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(payload)
        .isEqualTo("44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
    String uri = S3Objects.encode("/test$file.text");
    Map<String, String> headers =
        Map.of(
            "Date", "Fri, 24 May 2013 00:00:00 GMT",
            "Host", S3_HOST,
            "x-amz-content-sha256", payload,
            "x-amz-date", S3_DATE,
            "x-amz-storage-class", "REDUCED_REDUNDANCY");
    String canonical =
        SigV4Signer.canonicalRequest(
            "PUT", uri, "", SigV4Signer.canonicalHeaders(headers), payload);

    assertThat(uri).isEqualTo("/test%24file.text");
    assertThat(S3_EXAMPLE.stringToSign(S3_DATE, canonical))
        .endsWith("\n9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");
    assertThat(S3_EXAMPLE.authorization("PUT", uri, "", headers, payload))
        .endsWith(
            " SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
                + " Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
  }

  @Test
  void shouldSignTheDocumentedBucketRequestsWithQueries() {
    Map<String, String> headers =
        Map.of("Host", S3_HOST, "x-amz-content-sha256", EMPTY, "x-amz-date", S3_DATE);

    assertThat(S3_EXAMPLE.authorization("GET", "/", "lifecycle=", headers, EMPTY))
        .endsWith("Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
    assertThat(S3_EXAMPLE.authorization("GET", "/", "max-keys=2&prefix=J", headers, EMPTY))
        .endsWith("Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
  }

  @Test
  void shouldSignTheTestSuitesGetVanilla() {
    SigV4Signer suite =
        new SigV4Signer(
            "AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", "us-east-1", "service");
    Map<String, String> headers =
        Map.of("Host", "example.amazonaws.com", "X-Amz-Date", "20150830T123600Z");
    String canonical =
        SigV4Signer.canonicalRequest("GET", "/", "", SigV4Signer.canonicalHeaders(headers), EMPTY);

    assertThat(suite.stringToSign("20150830T123600Z", canonical))
        .isEqualTo(
            """
            AWS4-HMAC-SHA256
            20150830T123600Z
            20150830/us-east-1/service/aws4_request
            bb579772317eb040ac9ed261061d46c1f17a8133879d6129b6e1c25292927e63""");
    assertThat(suite.authorization("GET", "/", "", headers, EMPTY))
        .isEqualTo(
            "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request,"
                + " SignedHeaders=host;x-amz-date,"
                + " Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31");
  }
}
