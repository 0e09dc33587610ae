package io.voucherflow.synthetic;

import io.voucherflow.template.Anchor;
import io.voucherflow.template.Region;
import io.voucherflow.template.TemplateDefinition;
import java.awt.geom.Rectangle2D;

/**
 * Where the structured parts of a form sit, shared by the blank form and the filled values: the 11
 * digit boxes of an amount in figures (亿 to 分) and the year/month/day slots of a date.
 */
final class FormGeometry {

  static final String GRID_HEADERS = "亿千百十万千百十元角分";
  static final int GRID_CELLS = GRID_HEADERS.length();

  /** Date slots in units of one character: year 4, 年 1, month 3, 月 1, day 3, 日 1. */
  private static final int[][] DATE_SLOTS = {{0, 4}, {4, 1}, {5, 3}, {8, 1}, {9, 3}, {12, 1}};

  private static final int DATE_UNITS = 13;

  private FormGeometry() {}

  static Rectangle2D rect(Region r) {
    return new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height());
  }

  /** Digit box {@code i} (0 = 亿 … 10 = 分) of an amount-in-figures field. */
  static Rectangle2D gridCell(Region figures, int i) {
    double w = figures.width() / GRID_CELLS;
    return new Rectangle2D.Double(figures.x() + i * w, figures.y(), w, figures.height());
  }

  /** The frame around the digit boxes and their header: the anchor holding them, if any. */
  static Region gridFrame(TemplateDefinition t, Region figures) {
    for (Anchor a : t.anchors()) {
      if (a.region().contains(figures) && a.region().height() > figures.height()) {
        return a.region();
      }
    }
    double header = Math.min(6, figures.y());
    return new Region(
        figures.x(), figures.y() - header, figures.width(), figures.height() + header);
  }

  /**
   * Date slot {@code i}: 0 year, 1 年, 2 month, 3 月, 4 day, 5 日. The printed form carries 年月日; the
   * writer fills the year, month and day between them.
   */
  static Rectangle2D dateSlot(Region date, int i) {
    double unit = date.width() / DATE_UNITS;
    return new Rectangle2D.Double(
        date.x() + DATE_SLOTS[i][0] * unit, date.y(), DATE_SLOTS[i][1] * unit, date.height());
  }
}
