package io.voucherflow.synthetic;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GenerateCommandTest {

  @Test
  void shouldWriteNumberedImagesWithTheirGroundTruth(@TempDir Path out) throws Exception {
    GenerateCommand.main(
        new String[] {
          "--template",
          "CREDIT_SLIP",
          "--count",
          "3",
          "--seed",
          "40",
          "--out",
          out.toString(),
          "--no-qr"
        });

    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(
              "0000.jpg", "0000.json", "0001.jpg", "0001.json", "0002.jpg", "0002.json");
    }
    GroundTruth truth = GroundTruth.fromJson(Files.readString(out.resolve("0002.json")));
    BufferedImage image = ImageIO.read(out.resolve("0002.jpg").toFile());
    assertThat(truth.templateCode()).isEqualTo("CREDIT_SLIP");
    assertThat(truth.qrPresent()).isFalse();
    assertThat(image.getWidth()).isEqualTo(truth.imageWidth());
    assertThat(image.getHeight()).isEqualTo(truth.imageHeight());
    // Voucher i is seed S + i, so it can be made again alone.
    GeneratedVoucher again =
        new SyntheticVoucherGenerator()
            .generate(
                ShippedTemplates.byCode("CREDIT_SLIP"),
                42,
                SyntheticVoucherGenerator.Options.defaults().withNoQr(true));
    assertThat(Files.readAllBytes(out.resolve("0002.jpg"))).isEqualTo(again.jpeg());
  }
}
