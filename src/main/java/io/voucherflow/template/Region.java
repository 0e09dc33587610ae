package io.voucherflow.template;

/** A rectangle on the page in millimetres, measured from the top-left corner. */
public record Region(double x, double y, double width, double height) {

  /** This region grown by {@code marginMm} on every side. */
  public Region grow(double marginMm) {
    return new Region(x - marginMm, y - marginMm, width + 2 * marginMm, height + 2 * marginMm);
  }

  public boolean contains(Region other) {
    return other.x >= x
        && other.y >= y
        && other.x + other.width <= x + width
        && other.y + other.height <= y + height;
  }
}
