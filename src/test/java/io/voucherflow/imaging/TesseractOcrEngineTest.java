package io.voucherflow.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.TemplateDefinition;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the real Tesseract of this machine (Debian packages tesseract-ocr, -eng, -chi-sim). Set
 * OMP_THREAD_LIMIT=1 to run it at production speed; it passes without, only slower.
 */
class TesseractOcrEngineTest {

  private static final Path TESSDATA = Path.of("/usr/share/tesseract-ocr/5/tessdata");
  private static final TemplateDefinition CHEQUE = TestForms.cheque();
  private static TesseractOcrEngine engine;
  private static PageImage page;

  @BeforeAll
  static void scanCheque() {
    engine = new TesseractOcrEngine(TESSDATA, true, 48);
    try (PageImage rendered =
        new FormRenderer(CHEQUE, TestForms.chequeValues(), null).page(FormRenderer.Scan.STRAIGHT)) {
      page = PageImage.decode(rendered.encodeJpeg(85));
    }
  }

  @AfterAll
  static void close() {
    page.close();
    engine.close();
  }

  @Test
  void shouldReadPrintedAccountDigitsExactly() {
    OcrResult result = read("payerAccount");
    assertThat(result.text()).isEqualTo(TestForms.ACCOUNT);
    assertThat(result.confidence()).isBetween(0.8, 1.0);
  }

  @Test
  void shouldReadDigitsPrintedInDigitBoxes() {
    assertThat(read("amountFigures").text()).isEqualTo("1234500");
  }

  @Test
  void shouldReadSameFieldAgainWithReusedHandle() {
    assertThat(read("password").text()).isEqualTo(TestForms.PASSWORD);
    assertThat(read("password").text()).isEqualTo(TestForms.PASSWORD);
  }

  @Test
  void shouldReadChineseWithChineseModel() {
    assertThat(read("amountWords").text()).contains("人民币");
  }

  @Test
  void shouldReadAtScanSizeWhenNotShrinkingLines() {
    FieldSpec field = CHEQUE.field("payerAccount");
    try (TesseractOcrEngine fullSize = new TesseractOcrEngine(TESSDATA, true, 0);
        PageImage slice = page.crop(PixelBox.of(field.region(), TestForms.PX_PER_MM))) {
      assertThat(fullSize.read(slice, field.ocr()).text()).isEqualTo(TestForms.ACCOUNT);
    }
  }

  @Test
  void shouldReturnEmptyResultForBlankSlice() {
    try (PageImage blank = TestImages.plain(400, 80, 255)) {
      OcrResult result = engine.read(blank, CHEQUE.field("payerAccount").ocr());
      assertThat(result.isEmpty()).isTrue();
      assertThat(result.confidence()).isZero();
    }
  }

  private static OcrResult read(String fieldName) {
    FieldSpec field = CHEQUE.field(fieldName);
    try (PageImage slice = page.crop(PixelBox.of(field.region(), TestForms.PX_PER_MM))) {
      return engine.read(slice, field.ocr());
    }
  }
}
