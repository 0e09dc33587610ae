package io.voucherflow.imaging;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.util.Map;
import java.util.Optional;

/**
 * Reads QR codes with ZXing's QR reader alone (not the multi-format reader, which would also try
 * every 1D symbology). The corner ROI costs well under a millisecond; the whole page about five
 * times more, so it is only a fallback.
 */
public final class ZxingQrReader implements QrReader {

  private static final Map<DecodeHintType, Object> HINTS =
      Map.of(DecodeHintType.CHARACTER_SET, "UTF-8");

  private final boolean wholePageFallback;

  /**
   * @param wholePageFallback whether to search the whole page when the ROI holds no readable code
   */
  public ZxingQrReader(boolean wholePageFallback) {
    this.wholePageFallback = wholePageFallback;
  }

  @Override
  public Optional<String> read(PageImage page, PixelBox roi) {
    PixelBox inside = roi.clampTo(page.width(), page.height());
    Optional<String> text = inside.isEmpty() ? Optional.empty() : decode(page, inside);
    if (text.isEmpty() && wholePageFallback) {
      text = decode(page, new PixelBox(0, 0, page.width(), page.height()));
    }
    return text;
  }

  private static Optional<String> decode(PageImage page, PixelBox box) {
    byte[] gray;
    try (PageImage view = page.crop(box)) {
      gray = view.pixels(); // ZXing reads Java arrays; one copy of the ROI is the least it needs
    }
    // A grayscale image is exactly the luminance (Y) plane this source expects.
    PlanarYUVLuminanceSource luminance =
        new PlanarYUVLuminanceSource(
            gray, box.width(), box.height(), 0, 0, box.width(), box.height(), false);
    try {
      // A reader per call: ZXing does not promise its readers are thread-safe, and one is cheap.
      return Optional.of(
          new QRCodeReader()
              .decode(new BinaryBitmap(new HybridBinarizer(luminance)), HINTS)
              .getText());
    } catch (ReaderException notFound) {
      return Optional.empty();
    }
  }
}
