package io.voucherflow.synthetic;

import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/** An axis-aligned box in image pixels: left, top, width, height. */
public record PixelBox(int x, int y, int width, int height) {

  /**
   * The smallest whole-pixel box holding {@code mm} after {@code mmToImage}, clipped to the image.
   * A turned rectangle yields the box around its four corners.
   */
  static PixelBox around(
      Rectangle2D mm, AffineTransform mmToImage, int imageWidth, int imageHeight) {
    Rectangle2D px = mmToImage.createTransformedShape(mm).getBounds2D();
    int x0 = Math.max(0, (int) Math.floor(px.getMinX()));
    int y0 = Math.max(0, (int) Math.floor(px.getMinY()));
    int x1 = Math.min(imageWidth, (int) Math.ceil(px.getMaxX()));
    int y1 = Math.min(imageHeight, (int) Math.ceil(px.getMaxY()));
    return new PixelBox(x0, y0, Math.max(0, x1 - x0), Math.max(0, y1 - y0));
  }

  /** True when this box lies entirely inside {@code other}. */
  public boolean within(PixelBox other) {
    return x >= other.x
        && y >= other.y
        && x + width <= other.x + other.width
        && y + height <= other.y + other.height;
  }
}
