package io.voucherflow.imaging;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ZxingQrReaderTest {

  private static final String PAYLOAD = "VF|TC|3|000123";

  private final FormRenderer renderer =
      new FormRenderer(TestForms.cheque(), TestForms.chequeValues(), PAYLOAD);

  @Test
  void shouldReadQrInTopRightCorner() {
    try (PageImage page = renderer.page(FormRenderer.Scan.STRAIGHT)) {
      assertThat(new ZxingQrReader(false).read(page, corner(PageCorner.TOP_RIGHT, page)))
          .contains(PAYLOAD);
    }
  }

  @Test
  void shouldReadQrOfSkewedShiftedJpegScan() {
    try (PageImage rendered = renderer.page(new FormRenderer.Scan(-4, 0.97, -30, 25));
        PageImage page = PageImage.decode(rendered.encodeJpeg(75))) {
      assertThat(new ZxingQrReader(false).read(page, corner(PageCorner.TOP_RIGHT, page)))
          .contains(PAYLOAD);
    }
  }

  @Test
  void shouldSearchWholePageOnlyWhenAllowed() {
    try (PageImage page = renderer.page(FormRenderer.Scan.STRAIGHT)) {
      PixelBox wrongCorner = corner(PageCorner.BOTTOM_LEFT, page);
      assertThat(new ZxingQrReader(false).read(page, wrongCorner)).isEmpty();
      assertThat(new ZxingQrReader(true).read(page, wrongCorner)).contains(PAYLOAD);
    }
  }

  @Test
  void shouldFindNothingOnPageWithoutQr() {
    FormRenderer withoutQr = new FormRenderer(TestForms.cheque(), TestForms.chequeValues(), null);
    try (PageImage page = withoutQr.page(FormRenderer.Scan.STRAIGHT)) {
      assertThat(new ZxingQrReader(true).read(page, corner(PageCorner.TOP_RIGHT, page))).isEmpty();
    }
  }

  private static PixelBox corner(PageCorner corner, PageImage page) {
    return PixelBox.corner(corner, 400, page.width(), page.height());
  }
}
