package io.voucherflow.imaging;

import io.voucherflow.template.Region;

/** An axis-aligned rectangle of pixels: top-left corner, width and height. */
public record PixelBox(int x, int y, int width, int height) {

  public PixelBox {
    if (width < 0 || height < 0) {
      throw new IllegalArgumentException("negative size " + width + "x" + height);
    }
  }

  /**
   * The pixels covering a region in millimetres on a page drawn at {@code pxPerMm}. Rounds outwards
   * so a box never loses a partly covered pixel row of its frame.
   */
  public static PixelBox of(Region region, double pxPerMm) {
    int left = (int) Math.floor(region.x() * pxPerMm);
    int top = (int) Math.floor(region.y() * pxPerMm);
    int right = (int) Math.ceil((region.x() + region.width()) * pxPerMm);
    int bottom = (int) Math.ceil((region.y() + region.height()) * pxPerMm);
    return new PixelBox(left, top, Math.max(0, right - left), Math.max(0, bottom - top));
  }

  /** A square of {@code size} pixels in one corner of a page, clamped to the page. */
  /** The whole-pixel box around points given as {@code x0, y0, x1, y1, …}. */
  public static PixelBox around(double[] points) {
    double minX = Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    for (int i = 0; i + 1 < points.length; i += 2) {
      minX = Math.min(minX, points[i]);
      maxX = Math.max(maxX, points[i]);
      minY = Math.min(minY, points[i + 1]);
      maxY = Math.max(maxY, points[i + 1]);
    }
    return new PixelBox(
        (int) Math.round(minX),
        (int) Math.round(minY),
        (int) Math.round(maxX - minX),
        (int) Math.round(maxY - minY));
  }

  public static PixelBox corner(PageCorner corner, int size, int pageWidth, int pageHeight) {
    int w = Math.min(size, pageWidth);
    int h = Math.min(size, pageHeight);
    return switch (corner) {
      case TOP_LEFT -> new PixelBox(0, 0, w, h);
      case TOP_RIGHT -> new PixelBox(pageWidth - w, 0, w, h);
      case BOTTOM_LEFT -> new PixelBox(0, pageHeight - h, w, h);
      case BOTTOM_RIGHT -> new PixelBox(pageWidth - w, pageHeight - h, w, h);
    };
  }

  /** This box grown by {@code px} on every side (shrunk when negative). */
  public PixelBox grow(int px) {
    return new PixelBox(x - px, y - px, Math.max(0, width + 2 * px), Math.max(0, height + 2 * px));
  }

  /** The part of this box inside a {@code pageWidth} x {@code pageHeight} image; may be empty. */
  public PixelBox clampTo(int pageWidth, int pageHeight) {
    int left = Math.max(0, Math.min(x, pageWidth));
    int top = Math.max(0, Math.min(y, pageHeight));
    int right = Math.max(left, Math.min(x + width, pageWidth));
    int bottom = Math.max(top, Math.min(y + height, pageHeight));
    return new PixelBox(left, top, right - left, bottom - top);
  }

  public boolean isEmpty() {
    return width == 0 || height == 0;
  }

  public double centerX() {
    return x + width / 2.0;
  }

  public double centerY() {
    return y + height / 2.0;
  }
}
