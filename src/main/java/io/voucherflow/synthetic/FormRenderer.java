package io.voucherflow.synthetic;

import io.voucherflow.template.FieldKind;
import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.TemplateDefinition;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * Draws voucher pages from a template, scaled from millimetres so that the page is {@code widthPx}
 * wide ({@code px = mm * widthPx / page.widthMm}). The blank form is the template's reference
 * image; a filled voucher is that form with the values written in, the QR code, the serial number
 * and red seal impressions. Thread-safe: blank forms are cached per template version and width.
 */
public final class FormRenderer {

  private static final Color SERIAL_RED = new Color(0xB0202A);

  private final Map<String, BufferedImage> blanks = new ConcurrentHashMap<>();

  /** The printed, empty form (the template's reference image), {@code widthPx} wide, in RGB. */
  public BufferedImage renderBlank(TemplateDefinition t, int widthPx) {
    return copy(blank(t, widthPx));
  }

  /** Page height in pixels for a page {@code widthPx} wide. */
  public static int heightPx(TemplateDefinition t, int widthPx) {
    return (int) Math.round(t.page().heightMm() * widthPx / t.page().widthMm());
  }

  /**
   * The voucher with {@code content} written in. {@code random} decides the handwriting's wobble
   * and where the seals land, so the same content and random sequence give the same page.
   */
  public FilledPage renderFilled(
      TemplateDefinition t, VoucherContent content, int widthPx, RandomGenerator random) {
    FormLayout layout = FormLayout.forTemplate(t);
    BufferedImage page = renderBlank(t, widthPx);
    double pxPerMm = widthPx / t.page().widthMm();
    Graphics2D g = millimetreGraphics(page, pxPerMm);
    try {
      TextPen pen = new TextPen(g, content.style(), random);
      ValuePainter values = new ValuePainter(pen);
      Map<String, Rectangle2D> ink = new LinkedHashMap<>();
      g.setColor(
          content.style() == PenStyle.HANDWRITTEN ? new Color(0x1C2658) : new Color(0x161616));
      for (FieldSpec f : t.fields()) {
        FieldValue v = content.values().get(f.name());
        if (v != null && f.kind() != FieldKind.SEAL && !v.text().isEmpty()) {
          ink.put(f.name(), values.paint(f, v));
        }
      }
      Rectangle2D qr = null;
      if (content.qrPayload() != null && t.qr() != null) {
        qr = QrPainter.paint(g, content.qrPayload(), t.qr().region());
      }
      paintSerial(g, t, content.serial());
      SealPainter seals = new SealPainter(g, random);
      for (FieldSpec f : t.fields()) {
        FieldValue v = content.values().get(f.name());
        if (v != null && f.kind() == FieldKind.SEAL) {
          ink.put(f.name(), seal(seals, layout, f, v));
        }
      }
      return new FilledPage(page, pxPerMm, ink, qr);
    } finally {
      g.dispose();
    }
  }

  /**
   * Stamps the seal field. Its text is the words on the stamps, space separated: {@code <company>
   * 财务专用章 <personal seal>} or {@code <bank> <yyyy.mm.dd> 转讫}.
   */
  private static Rectangle2D seal(SealPainter seals, FormLayout layout, FieldSpec f, FieldValue v) {
    String[] words = v.text().split(" ");
    if ("bank".equals(layout.seal().style())) {
      return seals.bank(f.region(), words[0], words.length > 2 ? words[1] : null);
    }
    return seals.company(f.region(), words[0], words[words.length - 1]);
  }

  /** The printed serial number, in red left of the QR code (or at the top right). */
  private static void paintSerial(Graphics2D g, TemplateDefinition t, String serial) {
    double right = t.qr() != null ? t.qr().region().x() - 2 : t.page().widthMm() - 6;
    double y = t.qr() != null ? t.qr().region().y() + t.qr().region().height() - 4 : 8;
    g.setColor(SERIAL_RED);
    new TextPen(g, PenStyle.PRINTED, null)
        .fit("No." + serial, new Rectangle2D.Double(right - 28, y - 2.2, 28, 4.4), 3.0, true);
  }

  private BufferedImage blank(TemplateDefinition t, int widthPx) {
    String key = t.code() + "|" + t.version() + "|" + widthPx;
    return blanks.computeIfAbsent(key, k -> paintBlank(t, widthPx));
  }

  private static BufferedImage paintBlank(TemplateDefinition t, int widthPx) {
    BufferedImage img =
        new BufferedImage(widthPx, heightPx(t, widthPx), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = millimetreGraphics(img, widthPx / t.page().widthMm());
    try {
      FormPainter.paint(g, t, FormLayout.forTemplate(t));
    } finally {
      g.dispose();
    }
    return img;
  }

  static Graphics2D millimetreGraphics(BufferedImage img, double pxPerMm) {
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
    g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    g.scale(pxPerMm, pxPerMm);
    return g;
  }

  static BufferedImage copy(BufferedImage src) {
    BufferedImage out =
        new BufferedImage(src.getWidth(), src.getHeight(), BufferedImage.TYPE_INT_RGB);
    int[] from = ((DataBufferInt) src.getRaster().getDataBuffer()).getData();
    int[] to = ((DataBufferInt) out.getRaster().getDataBuffer()).getData();
    System.arraycopy(from, 0, to, 0, from.length);
    return out;
  }
}
