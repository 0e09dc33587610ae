package io.voucherflow.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtsuRectDeskewerTest {

  // A scan of a turned voucher is larger than the voucher: keep the whole frame on the canvas.
  private static final int CANVAS_W = 2100;
  private static final int CANVAS_H = 1300;

  private final OtsuRectDeskewer deskewer = new OtsuRectDeskewer(15, 0.05);
  private final FormRenderer renderer =
      new FormRenderer(TestForms.cheque(), TestForms.chequeValues(), "VF|TC|3|000001");

  @ParameterizedTest
  @ValueSource(doubles = {-15, -11.3, -6, -2.5, -0.7, 0.4, 1.9, 4.2, 8.8, 12.5, 15})
  void shouldStraightenPagesRotatedWithinFifteenDegrees(double angle) {
    try (PageImage scan = scanned(angle);
        Deskewed deskewed = deskewer.deskew(scan)) {
      assertThat(deskewed.corrected()).isTrue();
      assertThat(deskewed.angleDegrees()).isCloseTo(angle, within(0.3));
      assertThat(residualSkew(deskewed.page())).isCloseTo(0, within(0.3));
    }
  }

  @Test
  void shouldReportCounterClockwiseSkewAsPositive() {
    try (PageImage scan = scanned(5)) {
      assertThat(deskewer.measure(scan)).isPositive();
    }
  }

  @Test
  void shouldMeasureTightlyCroppedScanWhoseFrameReachesTheBorder() {
    try (PageImage scan = renderer.page(new FormRenderer.Scan(-3, 1.08, 0, 0))) {
      assertThat(deskewer.measure(scan)).isCloseTo(-3, within(0.3));
    }
  }

  @Test
  void shouldIgnoreScannerEdgeShadowAndDust() {
    BufferedImage image = renderer.render(new FormRenderer.Scan(2, 1, 0, 0), CANVAS_W, CANVAS_H);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.BLACK);
    g.fillRect(0, 0, 9, CANVAS_H); // the shadow of the paper's edge along the scanner glass
    Random random = new Random(11);
    for (int i = 0; i < 300; i++) {
      g.fillRect(random.nextInt(CANVAS_W), random.nextInt(CANVAS_H), 2, 2);
    }
    g.dispose();
    byte[] gray = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    try (PageImage scan = PageImage.ofGray(gray, CANVAS_W, CANVAS_H)) {
      assertThat(deskewer.measure(scan)).isCloseTo(2, within(0.3));
    }
  }

  @Test
  void shouldMeasureOnADarkBedWithoutWhiteningTheBedForTheAligner() {
    BufferedImage image = renderer.render(new FormRenderer.Scan(-4, 1, 0, 0), CANVAS_W, CANVAS_H);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(40, 40, 40)); // a dark scanner lid around the paper
    g.fillRect(0, 0, CANVAS_W, 60);
    g.fillRect(0, CANVAS_H - 60, CANVAS_W, 60);
    g.dispose();
    byte[] gray = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    try (PageImage scan = PageImage.ofGray(gray, CANVAS_W, CANVAS_H)) {
      assertThat(deskewer.measure(scan)).isCloseTo(-4, within(0.3));
      // The measure works on a copy with the bed made white; the page's half-size image, which
      // the aligner reuses, still shows the bed as scanned.
      try (PageImage half = new PageImage(scan.half().clone())) {
        assertThat(half.width()).isEqualTo(CANVAS_W / 2);
        assertThat(Byte.toUnsignedInt(half.pixels()[10 * half.width() + 10])).isLessThan(60);
      }
    }
  }

  @Test
  void shouldLeaveStraightPageAlone() {
    try (PageImage scan = scanned(0);
        Deskewed deskewed = deskewer.deskew(scan)) {
      assertThat(deskewed.corrected()).isFalse();
      assertThat(deskewed.angleDegrees()).isCloseTo(0, within(0.05));
      assertThat(deskewed.page().width()).isEqualTo(CANVAS_W);
    }
  }

  @Test
  void shouldLeaveBlankPageAlone() {
    byte[] white = new byte[400 * 300];
    java.util.Arrays.fill(white, (byte) 255);
    try (PageImage blank = PageImage.ofGray(white, 400, 300);
        Deskewed deskewed = deskewer.deskew(blank)) {
      assertThat(deskewed.corrected()).isFalse();
      assertThat(deskewed.angleDegrees()).isZero();
    }
  }

  /** Rendered, then through a JPEG round trip as a scanner would deliver it. */
  private PageImage scanned(double angle) {
    try (PageImage page =
        renderer.page(new FormRenderer.Scan(angle, 1, 0, 0), CANVAS_W, CANVAS_H)) {
      return PageImage.decode(page.encodeJpeg(85));
    }
  }

  /**
   * The frame's top edge measured independently of the deskewer: the ink-weighted centre of the
   * first dark run in two columns 1000 px apart.
   */
  private static double residualSkew(PageImage page) {
    byte[] pixels = page.pixels();
    int left = page.width() / 2 - 500;
    int right = page.width() / 2 + 500;
    double yLeft = topEdge(pixels, page.width(), page.height(), left);
    double yRight = topEdge(pixels, page.width(), page.height(), right);
    return Math.toDegrees(Math.atan2(yLeft - yRight, right - left));
  }

  private static double topEdge(byte[] pixels, int width, int height, int x) {
    int y = 0;
    while (y < height && (pixels[y * width + x] & 0xFF) > 128) {
      y++;
    }
    double weight = 0;
    double sum = 0;
    for (int r = Math.max(0, y - 3); r < Math.min(height, y + 8); r++) {
      double ink = 255 - (pixels[r * width + x] & 0xFF);
      weight += ink;
      sum += ink * r;
    }
    return sum / weight;
  }
}
