package io.voucherflow.synthetic;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.GlyphVector;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.random.RandomGenerator;

/**
 * Writes text on a page whose user space is millimetres and reports the ink's bounding box. In
 * {@link PenStyle#HANDWRITTEN} style each character wobbles a little in size, height and angle (on
 * a coarse grid, so the glyph cache still hits); printed text is regular.
 */
final class TextPen {

  private static final double[] SCALES = {0.92, 0.96, 1.0, 1.04};
  private static final double[] ANGLES = {-3, -1.5, 0, 1.5, 3};

  private final Graphics2D g;
  private final PenStyle style;
  private final RandomGenerator random;
  private final FontRenderContext frc;

  TextPen(Graphics2D g, PenStyle style, RandomGenerator random) {
    this.g = g;
    this.style = style;
    this.random = random;
    this.frc = g.getFontRenderContext();
  }

  /** Writes {@code text} on one line inside {@code box}, as large as fits up to {@code maxSize}. */
  Rectangle2D fit(String text, Rectangle2D box, double maxSize, boolean centre) {
    double spacing = handwritten() ? 0.04 + 0.1 * random.nextDouble() : 0.02;
    double size = Math.min(maxSize, box.getHeight() * 0.72);
    double pad = Math.min(1.2, box.getWidth() * 0.04);
    double room = box.getWidth() - 2 * pad;
    double width = advance(text, size, spacing);
    if (width > room) {
      size *= room / width;
      width = room;
    }
    double free = room - width;
    double x =
        box.getX()
            + pad
            + (centre ? free / 2 : handwritten() ? free * 0.25 * random.nextDouble() : 0);
    return line(text, x, box.getCenterY(), size, spacing);
  }

  /** Writes {@code text} centred on ({@code cx}, {@code cy}). */
  Rectangle2D centred(String text, double cx, double cy, double size) {
    double spacing = handwritten() ? 0.06 : 0.02;
    return line(text, cx - advance(text, size, spacing) / 2, cy, size, spacing);
  }

  /** Writes {@code text} top to bottom, spread evenly over {@code box}. */
  Rectangle2D vertical(String text, Rectangle2D box, double size) {
    Rectangle2D ink = null;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      double cy = box.getY() + box.getHeight() * (i + 0.5) / n;
      ink = union(ink, centred(text.substring(i, i + 1), box.getCenterX(), cy, size));
    }
    return ink;
  }

  private Rectangle2D line(String text, double x, double centreY, double size, double spacing) {
    Font font = Fonts.of(style, size);
    double baseline = centreY + middle(font);
    Rectangle2D ink = null;
    AffineTransform saved = g.getTransform();
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      GlyphVector gv = font.createGlyphVector(frc, Character.toString(cp));
      double advance = gv.getGlyphMetrics(0).getAdvanceX();
      AffineTransform at = AffineTransform.getTranslateInstance(x, baseline);
      if (handwritten()) {
        at.translate(0, size * (random.nextDouble() - 0.5) * 0.12);
        at.rotate(Math.toRadians(ANGLES[random.nextInt(ANGLES.length)]));
        double k = SCALES[random.nextInt(SCALES.length)];
        at.scale(k, k);
      }
      if (!Character.isWhitespace(cp)) {
        g.transform(at);
        g.drawGlyphVector(gv, 0, 0);
        g.setTransform(saved);
        ink = union(ink, at.createTransformedShape(gv.getVisualBounds()).getBounds2D());
      }
      x += advance + spacing * size;
    }
    return ink == null ? new Rectangle2D.Double(x, centreY, 0, 0) : ink;
  }

  private double advance(String text, double size, double spacing) {
    Font font = Fonts.of(style, size);
    double width = font.createGlyphVector(frc, text).getLogicalBounds().getWidth();
    return width + spacing * size * text.codePointCount(0, text.length());
  }

  /** How far the baseline lies below the middle of a CJK character. */
  private double middle(Font font) {
    Rectangle2D ref = font.createGlyphVector(frc, "国").getVisualBounds();
    return -(ref.getY() + ref.getHeight() / 2);
  }

  private boolean handwritten() {
    return style == PenStyle.HANDWRITTEN && random != null;
  }

  static Rectangle2D union(Rectangle2D a, Rectangle2D b) {
    if (a == null) {
      return b;
    }
    if (b == null) {
      return a;
    }
    return a.createUnion(b);
  }
}
