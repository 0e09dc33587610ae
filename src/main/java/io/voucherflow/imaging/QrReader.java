package io.voucherflow.imaging;

import java.util.Optional;

/** Reads the QR code that names a voucher's template (版面识别 by QR). */
public interface QrReader {

  /**
   * The text of a QR code found in {@code roi} (page pixels) first, then, if the implementation is
   * set up for it, anywhere on the page; empty when there is none or it cannot be decoded.
   */
  Optional<String> read(PageImage page, PixelBox roi);
}
