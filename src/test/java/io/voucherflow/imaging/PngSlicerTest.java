package io.voucherflow.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.TemplateDefinition;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PngSlicerTest {

  private static final double MARGIN_MM = 2;
  private final TemplateDefinition cheque = TestForms.cheque();
  private final PngSlicer slicer = new PngSlicer(MARGIN_MM);

  @Test
  void shouldCutOneSlicePerFieldInTemplateOrder() {
    try (PageImage page =
        new FormRenderer(cheque, TestForms.chequeValues(), null).page(FormRenderer.Scan.STRAIGHT)) {
      List<Slice> slices = slicer.slice(page, cheque);
      assertThat(slices)
          .extracting(Slice::fieldName)
          .containsExactlyElementsOf(cheque.fields().stream().map(FieldSpec::name).toList());
    }
  }

  @Test
  void shouldKeepPrintedBoxInsideSliceWithMargin() {
    try (PageImage page =
        new FormRenderer(cheque, TestForms.chequeValues(), null).page(FormRenderer.Scan.STRAIGHT)) {
      for (Slice slice : slicer.slice(page, cheque)) {
        PixelBox expected =
            PixelBox.of(
                cheque.field(slice.fieldName()).region().grow(MARGIN_MM), TestForms.PX_PER_MM);
        assertThat(slice.box()).isEqualTo(expected);
        try (PageImage image = PageImage.decode(slice.png())) {
          assertThat(image.width()).isEqualTo(expected.width());
          assertThat(image.height()).isEqualTo(expected.height());
          int margin = (int) Math.round(MARGIN_MM * TestForms.PX_PER_MM);
          assertThat(meanOfRow(image, 2)).as("margin of %s", slice.fieldName()).isGreaterThan(250);
          assertThat(darkestRowMean(image, margin - 2, margin + 2))
              .as("top line of %s", slice.fieldName())
              .isLessThan(100);
          assertThat(
                  darkestRowMean(image, image.height() - margin - 3, image.height() - margin + 1))
              .as("bottom line of %s", slice.fieldName())
              .isLessThan(100);
        }
      }
    }
  }

  @Test
  void shouldWhitenTheBackgroundButKeepTheInk() {
    TemplateDefinition t = cheque;
    int w = TestForms.WIDTH_PX;
    int h = TestForms.HEIGHT_PX;
    byte[] pixels = new byte[w * h];
    // Security print: a light grey texture all over; one dark stroke inside the first field.
    for (int i = 0; i < pixels.length; i++) {
      pixels[i] = (byte) (215 + (i * 7 % 31));
    }
    PixelBox field = PixelBox.of(t.fields().get(0).region(), TestForms.PX_PER_MM);
    int strokeY = field.y() + field.height() / 2;
    for (int x = field.x() + 5; x < field.x() + 40; x++) {
      pixels[strokeY * w + x] = (byte) 40;
    }
    try (PageImage page = PageImage.ofGray(pixels, w, h)) {
      Slice raw = new PngSlicer(MARGIN_MM).slice(page, t).get(0);
      Slice clean = new PngSlicer(MARGIN_MM, 200).slice(page, t).get(0);
      assertThat(clean.png().length).isLessThan(raw.png().length / 3);
      try (PageImage image = PageImage.decode(clean.png())) {
        assertThat(meanOfRow(image, 1)).isEqualTo(255.0);
        int y = strokeY - clean.box().y();
        int x = field.x() + 10 - clean.box().x();
        assertThat(image.pixels()[y * image.width() + x] & 0xff).isEqualTo(40);
      }
    }
  }

  @Test
  void shouldCarryNothingButFieldNameBoxAndImage() {
    assertThat(Arrays.stream(Slice.class.getRecordComponents()).map(RecordComponent::getName))
        .containsExactly("fieldName", "box", "png");
  }

  private static double meanOfRow(PageImage image, int row) {
    byte[] pixels = image.pixels();
    long sum = 0;
    for (int x = 0; x < image.width(); x++) {
      sum += pixels[row * image.width() + x] & 0xFF;
    }
    return sum / (double) image.width();
  }

  private static double darkestRowMean(PageImage image, int fromRow, int toRow) {
    double darkest = 255;
    for (int row = fromRow; row <= toRow; row++) {
      darkest = Math.min(darkest, meanOfRow(image, row));
    }
    return darkest;
  }
}
