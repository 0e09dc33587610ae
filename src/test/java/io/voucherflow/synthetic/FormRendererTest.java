package io.voucherflow.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.voucherflow.template.Anchor;
import io.voucherflow.template.TemplateDefinition;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class FormRendererTest {

  private final FormRenderer renderer = new FormRenderer();

  @Test
  void shouldRenderTheBlankFormAtTheRequestedWidthAndThePageAspect() {
    for (TemplateDefinition t : ShippedTemplates.all()) {
      for (int width : new int[] {850, 1700}) {
        BufferedImage blank = renderer.renderBlank(t, width);
        assertThat(blank.getWidth()).isEqualTo(width);
        assertThat((double) blank.getHeight())
            .isCloseTo(width * t.page().heightMm() / t.page().widthMm(), offset(0.5));
      }
    }
    assertThat(renderer.renderBlank(ShippedTemplates.byCode("TRANSFER_CHEQUE"), 1700).getHeight())
        .isEqualTo(800);
  }

  @Test
  void shouldPrintRegistrationMarksDarkOnALightPage() {
    for (TemplateDefinition t : ShippedTemplates.all()) {
      BufferedImage blank = renderer.renderBlank(t, 1700);
      double pxPerMm = 1700 / t.page().widthMm();
      for (Anchor a : t.anchors()) {
        if (a.name().startsWith("mark")) {
          int x = (int) ((a.region().x() + a.region().width() / 2) * pxPerMm);
          int y = (int) ((a.region().y() + a.region().height() / 2) * pxPerMm);
          assertThat(grey(blank.getRGB(x, y))).as(t.code() + " " + a.name()).isLessThan(60);
        }
      }
      assertThat(grey(blank.getRGB(blank.getWidth() / 2, blank.getHeight() - 3)))
          .isGreaterThan(180);
    }
  }

  @Test
  void shouldHandOutCopiesSoCallersCannotSpoilTheReference() {
    TemplateDefinition t = ShippedTemplates.byCode("CREDIT_SLIP");
    BufferedImage first = renderer.renderBlank(t, 800);
    first.setRGB(10, 10, 0xFF0000);
    assertThat(renderer.renderBlank(t, 800).getRGB(10, 10)).isNotEqualTo(first.getRGB(10, 10));
  }

  static int grey(int rgb) {
    return (int)
        (0.299 * ((rgb >> 16) & 0xFF) + 0.587 * ((rgb >> 8) & 0xFF) + 0.114 * (rgb & 0xFF));
  }
}
