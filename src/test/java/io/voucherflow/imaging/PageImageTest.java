package io.voucherflow.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class PageImageTest {

  private final FormRenderer renderer =
      new FormRenderer(TestForms.cheque(), TestForms.chequeValues(), null);

  @Test
  void shouldDecodeJpegToGrayscalePage() {
    try (PageImage page = renderer.page(FormRenderer.Scan.STRAIGHT);
        PageImage decoded = PageImage.decode(page.encodeJpeg(90))) {
      assertThat(decoded.width()).isEqualTo(1700);
      assertThat(decoded.height()).isEqualTo(800);
    }
  }

  @Test
  void shouldRoundTripPixelsThroughPng() {
    try (PageImage page = renderer.page(FormRenderer.Scan.STRAIGHT);
        PageImage decoded = PageImage.decode(page.encodePng())) {
      assertThat(decoded.pixels()).isEqualTo(page.pixels());
    }
  }

  @Test
  void shouldRejectCorruptBytesAsUnreadable() {
    byte[] noise = new byte[5000];
    new Random(7).nextBytes(noise);
    assertThatThrownBy(() -> PageImage.decode(noise))
        .isInstanceOf(UnreadableImageException.class)
        .extracting(e -> ((UnreadableImageException) e).code())
        .isEqualTo("imaging.image.unreadable");
  }

  @Test
  void shouldRejectJpegWhoseDataIsGarbageAsUnreadable() {
    byte[] jpeg;
    try (PageImage page = renderer.page(FormRenderer.Scan.STRAIGHT)) {
      jpeg = page.encodeJpeg(90);
    }
    byte[] headerOnly = Arrays.copyOf(jpeg, 40);
    assertThatThrownBy(() -> PageImage.decode(headerOnly))
        .isInstanceOf(UnreadableImageException.class);
    assertThatThrownBy(() -> PageImage.decode(new byte[0]))
        .isInstanceOf(UnreadableImageException.class);
  }

  @Test
  void shouldDecodeEveryPageOfMultiPageTiff() {
    byte[] tiff;
    try (PageImage front = renderer.page(FormRenderer.Scan.STRAIGHT);
        PageImage back = TestImages.plain(900, 400, 200)) {
      tiff =
          TestImages.multiPageTiff(
              List.of(TestImages.toBufferedImage(front), TestImages.toBufferedImage(back)));
    }
    List<PageImage> pages = PageImage.decodePages(tiff, 4);
    try {
      assertThat(pages).hasSize(2);
      assertThat(pages.get(0).width()).isEqualTo(1700);
      assertThat(pages.get(1).width()).isEqualTo(900);
      assertThat(pages.get(1).pixels()[0] & 0xFF).isEqualTo(200);
    } finally {
      pages.forEach(PageImage::close);
    }
  }

  @Test
  void shouldDecodeNoMorePagesThanAsked() {
    byte[] tiff;
    try (PageImage a = TestImages.plain(300, 200, 10);
        PageImage b = TestImages.plain(300, 200, 20);
        PageImage c = TestImages.plain(300, 200, 30)) {
      tiff =
          TestImages.multiPageTiff(
              List.of(
                  TestImages.toBufferedImage(a),
                  TestImages.toBufferedImage(b),
                  TestImages.toBufferedImage(c)));
    }
    List<PageImage> pages = PageImage.decodePages(tiff, 2);
    try {
      assertThat(pages).hasSize(2);
    } finally {
      pages.forEach(PageImage::close);
    }
  }

  @Test
  void shouldCropViewThatOutlivesItsPage() {
    PageImage page = TestImages.plain(100, 80, 255);
    PageImage crop = page.crop(new PixelBox(90, 70, 30, 30));
    page.close();
    try (crop) {
      assertThat(crop.width()).isEqualTo(10);
      assertThat(crop.height()).isEqualTo(10);
      assertThat(crop.pixels()).containsOnly((byte) 255);
    }
  }

  @Test
  void shouldRefuseCropOutsidePage() {
    try (PageImage page = TestImages.plain(100, 80, 255)) {
      assertThatThrownBy(() -> page.crop(new PixelBox(200, 0, 10, 10)))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
