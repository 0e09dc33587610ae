package io.voucherflow.synthetic;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.random.RandomGenerator;

/**
 * Turns a clean page into what a branch scanner delivers: the page turned, zoomed and shifted on
 * the scanner bed (the image grows to hold the whole page plus a margin, so nothing is cut off),
 * then {@link SensorEffects}. JPEG compression is left to {@link JpegCodec}.
 */
final class ScanSimulator {

  /** What was done to the page: the image and the page-pixel to image-pixel transform. */
  record Scan(BufferedImage image, AffineTransform pageToImage, double skewDegrees, double scale) {}

  private ScanSimulator() {}

  static Scan scan(
      BufferedImage page,
      double pxPerMm,
      SyntheticVoucherGenerator.Options o,
      RandomGenerator random) {
    double skew = o.maxSkewDegrees() * (2 * random.nextDouble() - 1);
    double scale = 1 + o.maxScaleDelta() * (2 * random.nextDouble() - 1);
    double[] margin = new double[4];
    for (int i = 0; i < 4; i++) {
      // Whole pixels: an unturned page is then a plain copy, no resampling.
      margin[i] = Math.floor(o.maxOffsetMm() * pxPerMm * random.nextDouble());
    }
    // Positive skew turns the page counter-clockwise as seen; with y pointing down that is a
    // negative angle for AffineTransform.
    AffineTransform turn = AffineTransform.getRotateInstance(Math.toRadians(-skew));
    turn.scale(scale, scale);
    Rectangle2D bounds =
        turn.createTransformedShape(new Rectangle2D.Double(0, 0, page.getWidth(), page.getHeight()))
            .getBounds2D();
    AffineTransform pageToImage =
        AffineTransform.getTranslateInstance(margin[0] - bounds.getX(), margin[1] - bounds.getY());
    pageToImage.concatenate(turn);
    int width = (int) Math.ceil(bounds.getWidth() + margin[0] + margin[2] - 1e-6);
    int height = (int) Math.ceil(bounds.getHeight() + margin[1] + margin[3] - 1e-6);
    BufferedImage image;
    if (pageToImage.isIdentity() && width == page.getWidth() && height == page.getHeight()) {
      image = page; // the filled page is ours to change
    } else {
      image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
      Graphics2D g = image.createGraphics();
      int bed = random.nextInt(10) < 7 ? 226 + random.nextInt(18) : 22 + random.nextInt(22);
      g.setColor(new Color(bed, bed, bed));
      g.fillRect(0, 0, width, height);
      g.setRenderingHint(
          RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
      g.drawImage(page, pageToImage, null);
      g.dispose();
    }
    double blur = o.maxBlurSigma() * random.nextDouble();
    SensorEffects.apply(image, blur, o.maxNoise() * random.nextDouble(), random);
    return new Scan(image, pageToImage, skew, scale);
  }
}
