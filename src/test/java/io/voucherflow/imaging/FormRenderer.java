package io.voucherflow.imaging;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import io.voucherflow.template.FieldKind;
import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.Region;
import io.voucherflow.template.TemplateDefinition;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.util.Map;

/**
 * Draws a voucher of a test template with Java2D as a scanner would deliver it: placed on a canvas,
 * turned, scaled and shifted by a {@link Scan}. Drawing is in millimetres; the transform makes
 * pixels.
 */
final class FormRenderer {

  /**
   * How the paper lies on the scanner: turned counter-clockwise on screen by {@code angleDegrees},
   * scaled by {@code scale} about the page centre, shifted by pixels.
   */
  record Scan(double angleDegrees, double scale, double shiftX, double shiftY) {

    static final Scan STRAIGHT = new Scan(0, 1, 0, 0);
  }

  private final TemplateDefinition template;
  private final Map<String, String> values;
  private final String qrPayload;

  /**
   * @param qrPayload the QR text, or null for a voucher printed without one
   */
  FormRenderer(TemplateDefinition template, Map<String, String> values, String qrPayload) {
    this.template = template;
    this.values = values;
    this.qrPayload = qrPayload;
  }

  /** The page on a canvas the size of the paper. */
  PageImage page(Scan scan) {
    return page(scan, TestForms.WIDTH_PX, TestForms.HEIGHT_PX);
  }

  /** The page centred on a larger canvas, as a scan of a turned voucher with margins. */
  PageImage page(Scan scan, int canvasWidth, int canvasHeight) {
    BufferedImage image = render(scan, canvasWidth, canvasHeight);
    byte[] gray = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
    return PageImage.ofGray(gray, canvasWidth, canvasHeight);
  }

  /** Where the point {@code (xMm, yMm)} of the paper appears on the canvas. */
  static Point2D.Double toCanvas(
      Scan scan, int canvasWidth, int canvasHeight, double xMm, double yMm) {
    Point2D.Double p = new Point2D.Double();
    transform(scan, canvasWidth, canvasHeight).transform(new Point2D.Double(xMm, yMm), p);
    return p;
  }

  BufferedImage render(Scan scan, int canvasWidth, int canvasHeight) {
    BufferedImage image =
        new BufferedImage(canvasWidth, canvasHeight, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, canvasWidth, canvasHeight);
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
      g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
      g.transform(transform(scan, canvasWidth, canvasHeight));
      g.setColor(Color.BLACK);
      drawForm(g);
    } finally {
      g.dispose();
    }
    return image;
  }

  private void drawForm(Graphics2D g) {
    double frame = TestForms.FRAME_MM;
    g.setStroke(new BasicStroke(0.6f));
    g.draw(
        new Rectangle2D.Double(
            frame,
            frame,
            template.page().widthMm() - 2 * frame,
            template.page().heightMm() - 2 * frame));
    Region title = template.anchors().getFirst().region();
    drawCentred(g, template.name(), new Font("DejaVu Sans", Font.BOLD, 1).deriveFont(6.5f), title);
    g.setStroke(new BasicStroke(0.3f));
    for (FieldSpec field : template.fields()) {
      Region r = field.region();
      g.draw(new Rectangle2D.Double(r.x(), r.y(), r.width(), r.height()));
      String value = values.getOrDefault(field.name(), "");
      if (field.kind() == FieldKind.AMOUNT_FIGURES) {
        drawDigitBoxes(g, r, value);
      } else {
        boolean latin = value.chars().allMatch(c -> c < 128);
        Font font =
            latin
                ? new Font("DejaVu Sans Mono", Font.PLAIN, 1).deriveFont(5f)
                : new Font("AR PL UKai CN", Font.PLAIN, 1).deriveFont(5.5f);
        drawLeft(g, value, font, r);
      }
    }
    if (qrPayload != null) {
      drawQr(g, template.qr().region());
    }
  }

  /** Right-aligned digits, one per 5 mm cell, as amounts in figures are printed. */
  private static void drawDigitBoxes(Graphics2D g, Region r, String digits) {
    double cell = 5;
    for (double x = r.x() + cell; x < r.x() + r.width() - 0.1; x += cell) {
      g.draw(new Line2D.Double(x, r.y(), x, r.y() + r.height()));
    }
    Font font = new Font("DejaVu Sans Mono", Font.PLAIN, 1).deriveFont(5f);
    int cells = (int) Math.round(r.width() / cell);
    for (int i = 0; i < digits.length(); i++) {
      int slot = cells - digits.length() + i;
      Region c = new Region(r.x() + slot * cell, r.y(), cell, r.height());
      drawCentred(g, String.valueOf(digits.charAt(i)), font, c);
    }
  }

  private static void drawLeft(Graphics2D g, String text, Font font, Region r) {
    g.setFont(font);
    var metrics = g.getFontMetrics();
    float baseline =
        (float) (r.y() + (r.height() + metrics.getAscent() - metrics.getDescent()) / 2);
    g.drawString(text, (float) (r.x() + 2.5), baseline);
  }

  private static void drawCentred(Graphics2D g, String text, Font font, Region r) {
    g.setFont(font);
    var metrics = g.getFontMetrics();
    double width = metrics.getStringBounds(text, g).getWidth();
    float baseline =
        (float) (r.y() + (r.height() + metrics.getAscent() - metrics.getDescent()) / 2);
    g.drawString(text, (float) (r.x() + (r.width() - width) / 2), baseline);
  }

  private void drawQr(Graphics2D g, Region r) {
    BitMatrix modules;
    try {
      modules =
          new QRCodeWriter()
              .encode(qrPayload, BarcodeFormat.QR_CODE, 0, 0, Map.of(EncodeHintType.MARGIN, 0));
    } catch (WriterException e) {
      throw new IllegalStateException(e);
    }
    double quiet = 2;
    double module = (Math.min(r.width(), r.height()) - 2 * quiet) / modules.getWidth();
    // One path for all modules: filled in one pass, neighbouring modules leave no seams.
    Path2D.Double dark = new Path2D.Double();
    for (int y = 0; y < modules.getHeight(); y++) {
      for (int x = 0; x < modules.getWidth(); x++) {
        if (modules.get(x, y)) {
          dark.append(
              new Rectangle2D.Double(
                  r.x() + quiet + x * module, r.y() + quiet + y * module, module, module),
              false);
        }
      }
    }
    g.fill(dark);
  }

  private static AffineTransform transform(Scan scan, int canvasWidth, int canvasHeight) {
    double cx = TestForms.WIDTH_PX / 2.0;
    double cy = TestForms.HEIGHT_PX / 2.0;
    AffineTransform t = new AffineTransform();
    t.translate(
        (canvasWidth - TestForms.WIDTH_PX) / 2.0 + scan.shiftX(),
        (canvasHeight - TestForms.HEIGHT_PX) / 2.0 + scan.shiftY());
    // Java2D turns clockwise on screen for positive angles; the scan's angle is counter-clockwise.
    t.rotate(-Math.toRadians(scan.angleDegrees()), cx, cy);
    t.translate(cx, cy);
    t.scale(scan.scale(), scan.scale());
    t.translate(-cx, -cy);
    t.scale(TestForms.PX_PER_MM, TestForms.PX_PER_MM);
    return t;
  }
}
