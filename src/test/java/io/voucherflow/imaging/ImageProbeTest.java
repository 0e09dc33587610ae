package io.voucherflow.imaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageProbeTest {

  @Test
  void shouldReadJpegSizeFromHeadersAlone() {
    byte[] jpeg;
    try (PageImage page = TestImages.plain(1700, 800, 230)) {
      jpeg = page.encodeJpeg(90);
    }
    // Cut right after the frame header: no scan data left to decode.
    byte[] headers = Arrays.copyOf(jpeg, endOfFrameHeader(jpeg));
    assertThat(ImageProbe.probe(headers))
        .isEqualTo(new ImageHeader(ImageFormat.JPEG, 1700, 800, 1, 1700L * 800));
  }

  @Test
  void shouldReadPngSizeFromHeadersAlone() {
    byte[] png;
    try (PageImage page = TestImages.plain(640, 480, 255)) {
      png = page.encodePng();
    }
    byte[] headers = Arrays.copyOf(png, 33); // signature and IHDR only
    assertThat(ImageProbe.probe(headers))
        .isEqualTo(new ImageHeader(ImageFormat.PNG, 640, 480, 1, 640L * 480));
  }

  @Test
  void shouldReportDeclaredSizeOfDecompressionBomb() {
    ByteBuffer png = ByteBuffer.allocate(33);
    png.putLong(0x89504E470D0A1A0AL).putInt(13).putInt(0x49484452).putInt(100_000).putInt(100_000);
    ImageHeader header = ImageProbe.probe(png.array());
    assertThat(header.totalPixels()).isEqualTo(10_000_000_000L);
    assertThatThrownBy(() -> ImageProbe.probeWithin(png.array(), 40_000_000, 2))
        .isInstanceOf(UnreadableImageException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void shouldCountTiffPagesAndTheirPixels() {
    byte[] tiff;
    try (PageImage front = TestImages.plain(1700, 800, 255);
        PageImage back = TestImages.plain(850, 400, 255)) {
      tiff =
          TestImages.multiPageTiff(
              List.of(TestImages.toBufferedImage(front), TestImages.toBufferedImage(back)));
    }
    assertThat(ImageProbe.probe(tiff))
        .isEqualTo(new ImageHeader(ImageFormat.TIFF, 1700, 800, 2, 1700L * 800 + 850L * 400));
  }

  @Test
  void shouldRejectOtherFormats() {
    byte[] gif =
        "GIF89a\u0001\u0000\u0001\u0000".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    assertThatThrownBy(() -> ImageProbe.probe(gif)).isInstanceOf(UnreadableImageException.class);
    assertThatThrownBy(
            () -> ImageProbe.probe(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0, 0, 0, 0, 0}))
        .isInstanceOf(UnreadableImageException.class);
  }

  @Test
  void shouldEitherReadOrRejectEveryTruncatedHeader() {
    byte[] jpeg;
    byte[] tiff;
    try (PageImage page = TestImages.plain(64, 48, 128)) {
      jpeg = page.encodeJpeg(90);
      tiff = TestImages.multiPageTiff(List.of(TestImages.toBufferedImage(page)));
    }
    for (byte[] image : List.of(jpeg, tiff)) {
      for (int length = 0; length < Math.min(image.length, 700); length++) {
        byte[] truncated = Arrays.copyOf(image, length);
        try {
          assertThat(ImageProbe.probe(truncated).width()).isEqualTo(64);
        } catch (UnreadableImageException expected) {
          // a clean refusal is the other acceptable outcome
        }
      }
    }
  }

  /** The offset just past the JPEG's SOF segment. */
  private static int endOfFrameHeader(byte[] jpeg) {
    int pos = 2;
    while (true) {
      int marker = jpeg[pos + 1] & 0xFF;
      int length = ((jpeg[pos + 2] & 0xFF) << 8) | (jpeg[pos + 3] & 0xFF);
      if (marker >= 0xC0 && marker <= 0xC3) {
        return pos + 2 + length;
      }
      pos += 2 + length;
    }
  }
}
