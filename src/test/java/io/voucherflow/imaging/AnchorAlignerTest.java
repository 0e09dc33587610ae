package io.voucherflow.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voucherflow.template.Region;
import io.voucherflow.template.TemplateDefinition;
import java.awt.geom.Point2D;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AnchorAlignerTest {

  private static final TemplateDefinition CHEQUE = TestForms.cheque();
  private static final AnchorAligner AFFINE = new AnchorAligner(15, 0.5, false);
  private static final AnchorAligner PROJECTIVE = new AnchorAligner(15, 0.5, true);
  private static AlignmentReference affineReference;
  private static AlignmentReference projectiveReference;

  private final FormRenderer scanner =
      new FormRenderer(CHEQUE, TestForms.chequeValues(), CHEQUE.qrPayload("000777"));

  @BeforeAll
  static void prepareReferences() {
    try (PageImage blankForm =
        new FormRenderer(CHEQUE, Map.of(), null).page(FormRenderer.Scan.STRAIGHT)) {
      affineReference = AFFINE.prepare(CHEQUE, blankForm);
      projectiveReference = PROJECTIVE.prepare(CHEQUE, blankForm);
    }
  }

  @AfterAll
  static void closeReferences() {
    affineReference.close();
    projectiveReference.close();
  }

  @ParameterizedTest
  @CsvSource({
    "0, 1.00, 40, -40",
    "0, 1.00, -40, 40",
    "0, 0.95, 40, 35",
    "0, 0.95, -40, -40",
    "0, 1.05, 6, -5",
    "0.25, 1.02, -25, 30",
    "-0.3, 0.97, 30, 12"
  })
  void shouldLandPrintedBoxesOnTemplateRegions(double angle, double scale, double dx, double dy) {
    FormRenderer.Scan scan = new FormRenderer.Scan(angle, scale, dx, dy);
    try (PageImage rendered = scanner.page(scan);
        PageImage page = PageImage.decode(rendered.encodeJpeg(85));
        Alignment aligned = AFFINE.align(page, affineReference)) {
      assertThat(aligned.quality()).isGreaterThan(0.7);
      assertThat(aligned.anchorsUsed()).isGreaterThanOrEqualTo(4);
      assertThat(aligned.page().width()).isEqualTo(TestForms.WIDTH_PX);
      Region account = CHEQUE.field("payerAccount").region();
      Region amount = CHEQUE.field("amountFigures").region();
      assertLandsOnTemplate(aligned, scan, account.x(), account.y());
      assertLandsOnTemplate(
          aligned, scan, amount.x() + amount.width(), amount.y() + amount.height());
      assertThat(darkRowNear(aligned.page(), account))
          .isCloseTo(account.y() * TestForms.PX_PER_MM, within(2.0));
    }
  }

  @Test
  void shouldAlignWithHomographyWhenPerspectiveAllowed() {
    FormRenderer.Scan scan = new FormRenderer.Scan(0.1, 0.98, -30, 20);
    try (PageImage page = scanner.page(scan);
        Alignment aligned = PROJECTIVE.align(page, projectiveReference)) {
      assertThat(aligned.quality()).isGreaterThan(0.7);
      Region account = CHEQUE.field("payerAccount").region();
      assertLandsOnTemplate(aligned, scan, account.x(), account.y());
    }
  }

  @Test
  void shouldOnlyResizePageWithoutAnchors() {
    try (PageImage blank = TestImages.plain(850, 400, 255);
        Alignment aligned = AFFINE.align(blank, affineReference)) {
      assertThat(aligned.quality()).isZero();
      assertThat(aligned.anchorsUsed()).isZero();
      assertThat(aligned.page().width()).isEqualTo(TestForms.WIDTH_PX);
      assertThat(aligned.page().height()).isEqualTo(TestForms.HEIGHT_PX);
    }
  }

  /** A paper point, wherever the scan put it, maps to its template position within 2 px. */
  private static void assertLandsOnTemplate(
      Alignment aligned, FormRenderer.Scan scan, double xMm, double yMm) {
    Point2D.Double onScan =
        FormRenderer.toCanvas(scan, TestForms.WIDTH_PX, TestForms.HEIGHT_PX, xMm, yMm);
    double[] onReference = aligned.transform().map(onScan.x, onScan.y);
    assertThat(onReference[0]).isCloseTo(xMm * TestForms.PX_PER_MM, within(2.0));
    assertThat(onReference[1]).isCloseTo(yMm * TestForms.PX_PER_MM, within(2.0));
  }

  /** The row, near the region's top edge, that is darkest across the box: its printed top line. */
  private static double darkRowNear(PageImage page, Region box) {
    byte[] pixels = page.pixels();
    int expected = (int) Math.round(box.y() * TestForms.PX_PER_MM);
    int from = (int) (box.x() * TestForms.PX_PER_MM) + 20;
    int to = (int) ((box.x() + box.width()) * TestForms.PX_PER_MM) - 20;
    int best = expected;
    long darkest = Long.MAX_VALUE;
    for (int y = expected - 10; y <= expected + 10; y++) {
      long sum = 0;
      for (int x = from; x < to; x++) {
        sum += pixels[y * page.width() + x] & 0xFF;
      }
      if (sum < darkest) {
        darkest = sum;
        best = y;
      }
    }
    return best;
  }
}
