package io.voucherflow.imaging.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.voucherflow.imaging.PageCorner;
import org.junit.jupiter.api.Test;

class ImagingConfigTest {

  @Test
  void shouldWorkWithDefaultsAlone() {
    SmallRyeConfig config = new SmallRyeConfigBuilder().withMapping(ImagingConfig.class).build();
    ImagingConfig imaging = config.getConfigMapping(ImagingConfig.class);
    assertThat(imaging.qr().corner()).isEqualTo(PageCorner.TOP_RIGHT);
    assertThat(imaging.qr().roiSizePx()).isEqualTo(400);
    assertThat(imaging.deskew().maxAngleDegrees()).isEqualTo(15);
    assertThat(imaging.slice().marginMm()).isEqualTo(2);
    assertThat(imaging.ocr().tessdataPath()).isEqualTo("/usr/share/tesseract-ocr/5/tessdata");
  }
}
