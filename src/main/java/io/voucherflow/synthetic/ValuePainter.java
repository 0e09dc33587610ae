package io.voucherflow.synthetic;

import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.Region;
import java.awt.geom.Rectangle2D;

/**
 * Writes field values into their regions the way people fill vouchers: amounts in figures one digit
 * per box, right-aligned with ¥ before the first digit; dates between the printed 年月日; the rest on
 * one line. Returns the ink box of what was written, in mm.
 */
final class ValuePainter {

  /** People write about 5 mm high, whatever room the form leaves. */
  private static final double MAX_TEXT_MM = 5.5;

  private final TextPen pen;

  ValuePainter(TextPen pen) {
    this.pen = pen;
  }

  Rectangle2D paint(FieldSpec field, FieldValue value) {
    Region r = field.region();
    return switch (field.kind()) {
      case AMOUNT_FIGURES -> digitBoxes(r, value.text());
      case DATE, DATE_WORDS -> dateSlots(r, value.text());
      default -> pen.fit(value.text(), FormGeometry.rect(r), MAX_TEXT_MM, false);
    };
  }

  /** One character per box, the last in the 分 box. */
  private Rectangle2D digitBoxes(Region r, String text) {
    int cells = FormGeometry.GRID_CELLS;
    if (text.length() > cells) {
      throw new IllegalArgumentException("amount does not fit the digit boxes: " + text);
    }
    Rectangle2D ink = null;
    int first = cells - text.length();
    for (int i = 0; i < text.length(); i++) {
      Rectangle2D cell = FormGeometry.gridCell(r, first + i);
      double size = Math.min(cell.getHeight() * 0.62, cell.getWidth() * 1.2);
      ink =
          TextPen.union(
              ink,
              pen.centred(text.substring(i, i + 1), cell.getCenterX(), cell.getCenterY(), size));
    }
    return ink;
  }

  /**
   * The year, month and day of {@code text} (e.g. 贰零贰陆年零壹拾月零贰拾日 or 2026年10月20日) centred in their
   * slots; the ink box takes in the printed 年月日 between them, as the text does.
   */
  private Rectangle2D dateSlots(Region r, String text) {
    String[] parts = text.split("[年月日]");
    Rectangle2D ink = null;
    for (int i = 0; i < 3 && i < parts.length; i++) {
      Rectangle2D slot = FormGeometry.dateSlot(r, 2 * i);
      double size =
          Math.min(r.height() * 0.7, slot.getWidth() / Math.max(1.2, ems(parts[i])) * 0.95);
      ink = TextPen.union(ink, pen.centred(parts[i], slot.getCenterX(), slot.getCenterY(), size));
    }
    Rectangle2D lastLabel = FormGeometry.dateSlot(r, 5);
    double labelSize = r.height() * 0.55;
    return TextPen.union(
        ink,
        new Rectangle2D.Double(
            lastLabel.getCenterX() - labelSize / 2,
            lastLabel.getCenterY() - labelSize / 2,
            labelSize,
            labelSize));
  }

  /** Width of {@code text} in ems: digits are half as wide as Chinese characters. */
  private static double ems(String text) {
    return text.chars().mapToDouble(c -> c < 128 ? 0.55 : 1.0).sum();
  }
}
