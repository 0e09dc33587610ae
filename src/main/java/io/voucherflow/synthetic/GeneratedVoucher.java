package io.voucherflow.synthetic;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * One synthetic voucher: the JPEG file's bytes, the image those bytes encode (before JPEG loss) and
 * its ground truth.
 */
public record GeneratedVoucher(byte[] jpeg, BufferedImage image, GroundTruth truth) {

  /** The image as a reader of the JPEG sees it, compression artefacts included. */
  public BufferedImage decodeJpeg() {
    try {
      return ImageIO.read(new ByteArrayInputStream(jpeg));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
