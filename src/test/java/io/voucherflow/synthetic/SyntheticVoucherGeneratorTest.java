package io.voucherflow.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.voucherflow.template.Anchor;
import io.voucherflow.template.TemplateDefinition;
import java.awt.Rectangle;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.image.BufferedImage;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class SyntheticVoucherGeneratorTest {

  private static final SyntheticVoucherGenerator.Options DEFAULTS =
      SyntheticVoucherGenerator.Options.defaults();
  private static final SyntheticVoucherGenerator.Options CLEAN =
      SyntheticVoucherGenerator.Options.clean();

  private final SyntheticVoucherGenerator generator = new SyntheticVoucherGenerator();
  private final TemplateDefinition cheque = ShippedTemplates.byCode("TRANSFER_CHEQUE");

  @Test
  void shouldGiveByteIdenticalVouchersForTheSameSeed() {
    for (TemplateDefinition t : ShippedTemplates.all()) {
      GeneratedVoucher a = generator.generate(t, 99, DEFAULTS);
      GeneratedVoucher b = new SyntheticVoucherGenerator().generate(t, 99, DEFAULTS);
      assertThat(a.jpeg()).isEqualTo(b.jpeg());
      assertThat(a.truth().toJson()).isEqualTo(b.truth().toJson());
      assertThat(generator.generate(t, 100, DEFAULTS).jpeg()).isNotEqualTo(a.jpeg());
    }
  }

  @Test
  void shouldMakeTheChequeAbout1700By800AtTheDefaultWidth() {
    GroundTruth truth = generator.generate(cheque, 1, CLEAN).truth();
    assertThat(truth.imageWidth()).isEqualTo(1700);
    assertThat(truth.imageHeight()).isEqualTo(800);
    assertThat(truth.skewDegrees()).isZero();
  }

  @Test
  void shouldPrintAQrCodeThatDecodesToTheTemplatePayload() {
    for (TemplateDefinition t : ShippedTemplates.all()) {
      GeneratedVoucher v = generator.generate(t, 5, CLEAN.withJpegQuality(75));
      assertThat(v.truth().qrPresent()).isTrue();
      assertThat(QrDecoding.decode(v.decodeJpeg()))
          .contains(t.qrPayload(v.truth().serial()))
          .contains(v.truth().qrPayload());
    }
  }

  @Test
  void shouldKeepTheQrReadableOnTypicalSkewedScans() {
    for (long seed = 1; seed <= 6; seed++) {
      GeneratedVoucher v = generator.generate(cheque, seed, DEFAULTS);
      assertThat(QrDecoding.decode(v.decodeJpeg()))
          .as("seed %d, skew %.1f°", seed, v.truth().skewDegrees())
          .contains(v.truth().qrPayload());
    }
  }

  @Test
  void shouldLeaveNoReadableQrWhenAskedNotTo() {
    for (TemplateDefinition t : ShippedTemplates.all()) {
      GeneratedVoucher v = generator.generate(t, 5, CLEAN.withNoQr(true));
      assertThat(v.truth().qrPresent()).isFalse();
      assertThat(v.truth().qrPayload()).isNull();
      assertThat(v.truth().qrBox()).isNull();
      assertThat(QrDecoding.decode(v.decodeJpeg())).isEmpty();
    }
  }

  @Test
  void shouldKeepTheSameContentWhenOnlyTheQrIsSwitchedOff() {
    GroundTruth with = generator.generate(cheque, 8, DEFAULTS).truth();
    GroundTruth without = generator.generate(cheque, 8, DEFAULTS.withNoQr(true)).truth();
    assertThat(without.fields())
        .extracting(FieldTruth::text)
        .isEqualTo(with.fields().stream().map(FieldTruth::text).toList());
    assertThat(without.serial()).isEqualTo(with.serial());
  }

  @Test
  void shouldPutEveryGroundTruthBoxInsideTheImageAndItsFieldRegion() {
    for (TemplateDefinition t : ShippedTemplates.all()) {
      for (long seed = 1; seed <= 5; seed++) {
        GroundTruth truth = generator.generate(t, seed, DEFAULTS).truth();
        PixelBox image = new PixelBox(0, 0, truth.imageWidth(), truth.imageHeight());
        assertThat(truth.fields()).hasSameSizeAs(t.fields());
        for (FieldTruth f : truth.fields()) {
          String what = t.code() + " seed " + seed + " " + f.name();
          assertThat(f.box().width()).as(what).isPositive();
          assertThat(f.box().within(image)).as(what).isTrue();
          assertThat(f.region().within(image)).as(what).isTrue();
          assertThat(grown(f.region(), 3).contains(rect(f.box()))).as(what).isTrue();
        }
        assertThat(truth.qrBox().within(image)).isTrue();
      }
    }
  }

  @Test
  void shouldMapTemplateMillimetresOntoThePrintedMarks() {
    for (long seed = 1; seed <= 4; seed++) {
      GeneratedVoucher v = generator.generate(cheque, seed, DEFAULTS);
      BufferedImage image = v.decodeJpeg();
      List<Double> m = v.truth().mmToImage();
      AffineTransform mmToImage =
          new AffineTransform(m.get(0), m.get(1), m.get(2), m.get(3), m.get(4), m.get(5));
      for (Anchor a : cheque.anchors()) {
        if (a.name().startsWith("mark")) {
          Point2D centre =
              mmToImage.transform(
                  new Point2D.Double(
                      a.region().x() + a.region().width() / 2,
                      a.region().y() + a.region().height() / 2),
                  null);
          int grey = FormRendererTest.grey(image.getRGB((int) centre.getX(), (int) centre.getY()));
          assertThat(grey).as("seed %d %s", seed, a.name()).isLessThan(80);
        }
      }
    }
  }

  @Test
  void shouldRecordSkewCounterClockwisePositiveWithinTheConfiguredRange() {
    for (long seed = 1; seed <= 20; seed++) {
      GroundTruth truth = generator.generate(cheque, seed, DEFAULTS.withMaxSkewDegrees(4)).truth();
      assertThat(truth.skewDegrees()).isBetween(-4.0, 4.0);
      List<Double> m = truth.mmToImage();
      // The page's top edge runs along (m00, m10); turning counter-clockwise as seen lifts its
      // right end.
      double seen = -Math.toDegrees(Math.atan2(m.get(1), m.get(0)));
      assertThat(seen).isCloseTo(truth.skewDegrees(), offset(1e-6));
    }
  }

  @Test
  void shouldWriteConsistentAndValidContent() {
    for (long seed = 1; seed <= 30; seed++) {
      for (TemplateDefinition t : ShippedTemplates.all()) {
        GroundTruth truth = generator.generate(t, seed, DEFAULTS.withWidthPx(600)).truth();
        FieldTruth words = truth.field("amount_words");
        FieldTruth figures = truth.field("amount_figures");
        assertThat(words.value()).isEqualTo(figures.value());
        assertThat(ChineseAmountWriter.variants(new BigDecimal(words.value())))
            .contains(words.text());
        assertThat(AccountNumbers.isValid(truth.field("payer_account").value())).isTrue();
        FieldTruth password = truth.field("payment_password");
        if (password != null) {
          assertThat(password.value()).matches("\\d{16}");
        }
        FieldTruth dateWords = truth.field("date_words");
        if (dateWords != null) {
          assertThat(dateWords.text())
              .isEqualTo(ChineseDateWriter.words(LocalDate.parse(dateWords.value())));
        }
      }
    }
  }

  @Test
  void shouldReadBackTheGroundTruthItWrites() {
    GroundTruth truth = generator.generate(cheque, 3, DEFAULTS).truth();
    assertThat(GroundTruth.fromJson(truth.toJson())).isEqualTo(truth);
    assertThat(truth.toJson()).contains("\"kind\" : \"amount_words\"", "\"penStyle\"");
  }

  private static Rectangle rect(PixelBox b) {
    return new Rectangle(b.x(), b.y(), b.width(), b.height());
  }

  private static Rectangle grown(PixelBox b, int by) {
    return new Rectangle(b.x() - by, b.y() - by, b.width() + 2 * by, b.height() + 2 * by);
  }
}
