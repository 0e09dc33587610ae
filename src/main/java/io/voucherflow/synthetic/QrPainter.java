package io.voucherflow.synthetic;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import io.voucherflow.template.Region;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.util.Map;

/** Prints a QR code into its region: a white label with a two-module quiet zone. */
final class QrPainter {

  private static final int QUIET_MODULES = 2;
  private static final Color DARK = new Color(0x101010);

  private QrPainter() {}

  /** Paints the code for {@code payload} and returns the printed square (mm). */
  static Rectangle2D paint(Graphics2D g, String payload, Region region) {
    BitMatrix m = encode(payload);
    double side = Math.min(region.width(), region.height());
    double x0 = region.x() + (region.width() - side) / 2;
    double y0 = region.y() + (region.height() - side) / 2;
    double module = side / (m.getWidth() + 2 * QUIET_MODULES);
    g.setColor(Color.WHITE);
    Rectangle2D label = new Rectangle2D.Double(x0, y0, side, side);
    g.fill(label);
    // One path for every dark module: filled at once it has no seams between neighbours.
    Path2D.Double dark = new Path2D.Double(Path2D.WIND_NON_ZERO);
    for (int y = 0; y < m.getHeight(); y++) {
      for (int x = 0; x < m.getWidth(); x++) {
        if (m.get(x, y)) {
          int run = 1;
          while (x + run < m.getWidth() && m.get(x + run, y)) {
            run++;
          }
          dark.append(
              new Rectangle2D.Double(
                  x0 + (x + QUIET_MODULES) * module,
                  y0 + (y + QUIET_MODULES) * module,
                  run * module,
                  module),
              false);
          x += run - 1;
        }
      }
    }
    g.setColor(DARK);
    g.fill(dark);
    return label;
  }

  private static BitMatrix encode(String payload) {
    try {
      return new QRCodeWriter()
          .encode(
              payload,
              BarcodeFormat.QR_CODE,
              0,
              0,
              Map.of(
                  EncodeHintType.MARGIN,
                  0,
                  EncodeHintType.ERROR_CORRECTION,
                  ErrorCorrectionLevel.M,
                  EncodeHintType.CHARACTER_SET,
                  "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("payload does not fit a QR code: " + payload, e);
    }
  }
}
