package io.voucherflow.synthetic;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.Optional;

/** Reads a QR code the way a scanner-side decoder would: ZXing, trying hard. */
final class QrDecoding {

  private QrDecoding() {}

  static Optional<String> decode(BufferedImage image) {
    BinaryBitmap bitmap =
        new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
    try {
      return Optional.of(
          new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, true)).getText());
    } catch (NotFoundException e) {
      return Optional.empty();
    } catch (ReaderException e) {
      return Optional.empty();
    }
  }
}
