package io.voucherflow.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QrPayloadTest {

  @Test
  void shouldSplitPayloadIntoTemplateVersionAndSerial() {
    assertThat(QrPayload.parse(TestForms.cheque().qrPayload("000123")))
        .contains(new QrPayload("TC", 3, "000123"));
  }

  @Test
  void shouldRejectTextThatIsNotOurPayload() {
    assertThat(QrPayload.parse("https://example.com")).isEmpty();
    assertThat(QrPayload.parse("VF|TC|x|1")).isEmpty();
    assertThat(QrPayload.parse("VF|TC|3")).isEmpty();
    assertThat(QrPayload.parse("VF|TC|0|1")).isEmpty();
    assertThat(QrPayload.parse(null)).isEmpty();
  }
}
