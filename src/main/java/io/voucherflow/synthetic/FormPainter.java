package io.voucherflow.synthetic;

import io.voucherflow.template.Anchor;
import io.voucherflow.template.FieldKind;
import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.Region;
import io.voucherflow.template.TemplateDefinition;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;

/**
 * Paints the printed, empty form in millimetre user space: tinted security background, frames,
 * lines, labels, title, registration marks, the digit-box grid and the 年月日 of dates. Structure is
 * printed in the layout's dark ink (it must survive conversion to grey); the background tint stays
 * light so binarisation drops it.
 */
final class FormPainter {

  private static final Color MARK = new Color(0x111111);
  private static final String DATE_LABELS = "年月日";

  private FormPainter() {}

  static void paint(Graphics2D g, TemplateDefinition t, FormLayout layout) {
    double w = t.page().widthMm();
    double h = t.page().heightMm();
    g.setColor(Color.decode(layout.paper()));
    g.fill(new Rectangle2D.Double(0, 0, w, h));
    paintTint(g, w, h, Color.decode(layout.tint()));
    Color ink = Color.decode(layout.ink());
    g.setColor(ink);
    g.setStroke(new BasicStroke(0.4f));
    layout.frames().forEach(b -> g.draw(new Rectangle2D.Double(b[0], b[1], b[2], b[3])));
    g.setStroke(new BasicStroke(0.22f));
    layout.lines().forEach(l -> g.draw(new Line2D.Double(l[0], l[1], l[2], l[3])));
    TextPen pen = new TextPen(g, PenStyle.PRINTED, null);
    for (FormLayout.Label label : layout.labels()) {
      Rectangle2D box =
          new Rectangle2D.Double(label.box()[0], label.box()[1], label.box()[2], label.box()[3]);
      double size = label.size() > 0 ? label.size() : box.getHeight() * 0.6;
      if (label.vertical()) {
        pen.vertical(label.text(), box, size);
      } else {
        pen.fit(label.text(), box, size, "center".equals(label.align()));
      }
    }
    for (Anchor a : t.anchors()) {
      if (a.name().startsWith("mark")) {
        g.setColor(MARK);
        g.fill(FormGeometry.rect(a.region()));
      } else if (a.name().equals("title")) {
        g.setColor(ink);
        paintTitle(g, a.region(), layout.title());
      }
    }
    g.setColor(ink);
    for (FieldSpec f : t.fields()) {
      if (f.kind() == FieldKind.AMOUNT_FIGURES) {
        paintGrid(g, pen, FormGeometry.gridFrame(t, f.region()), f.region());
      } else if (f.kind() == FieldKind.DATE || f.kind() == FieldKind.DATE_WORDS) {
        for (int i = 0; i < 3; i++) {
          Rectangle2D slot = FormGeometry.dateSlot(f.region(), 2 * i + 1);
          pen.centred(
              DATE_LABELS.substring(i, i + 1),
              slot.getCenterX(),
              slot.getCenterY(),
              f.region().height() * 0.55);
        }
      }
    }
  }

  /** A guilloche-like pattern of crossing waves, as on security paper. */
  private static void paintTint(Graphics2D g, double w, double h, Color tint) {
    g.setColor(tint);
    g.setStroke(new BasicStroke(0.14f));
    for (int set = 0; set < 2; set++) {
      double phase = set * Math.PI;
      for (double y0 = -3; y0 < h + 3; y0 += 2.4) {
        Path2D.Double wave = new Path2D.Double();
        for (double x = 0; x <= w + 2; x += 2) {
          double y = y0 + 1.6 * Math.sin(x / 7.0 + phase + y0 / 9.0);
          if (x == 0) {
            wave.moveTo(x, y);
          } else {
            wave.lineTo(x, y);
          }
        }
        g.draw(wave);
      }
    }
  }

  private static void paintTitle(Graphics2D g, Region r, String title) {
    double size = Math.min(r.height() * 0.62, r.width() / (title.length() * 1.25));
    Font font = Fonts.printed(size).deriveFont(Font.BOLD);
    Font saved = g.getFont();
    g.setFont(font);
    double step = r.width() * 0.9 / title.length();
    double textTop = r.y() + r.height() * 0.06;
    for (int i = 0; i < title.length(); i++) {
      String c = title.substring(i, i + 1);
      double cw = g.getFontMetrics().stringWidth(c);
      double x = r.x() + r.width() * 0.05 + step * (i + 0.5) - cw / 2;
      g.drawString(c, (float) x, (float) (textTop + size * 0.88));
    }
    g.setFont(saved);
    g.setStroke(new BasicStroke(0.35f));
    double x1 = r.x() + r.width() * 0.04;
    double x2 = r.x() + r.width() * 0.96;
    double bottom = r.y() + r.height();
    g.draw(new Line2D.Double(x1, bottom - 1.5, x2, bottom - 1.5));
    g.draw(new Line2D.Double(x1, bottom - 0.6, x2, bottom - 0.6));
  }

  /** The digit boxes: header labels 亿…分 above, a heavier line between 元 and 角. */
  private static void paintGrid(Graphics2D g, TextPen pen, Region frame, Region cells) {
    g.setStroke(new BasicStroke(0.4f));
    g.draw(FormGeometry.rect(frame));
    g.setStroke(new BasicStroke(0.22f));
    g.draw(new Line2D.Double(frame.x(), cells.y(), frame.x() + frame.width(), cells.y()));
    double headerHeight = cells.y() - frame.y();
    for (int i = 0; i < FormGeometry.GRID_CELLS; i++) {
      Rectangle2D cell = FormGeometry.gridCell(cells, i);
      if (i > 0) {
        g.setStroke(new BasicStroke(i == 9 ? 0.45f : 0.18f));
        g.draw(new Line2D.Double(cell.getX(), frame.y(), cell.getX(), frame.y() + frame.height()));
      }
      if (headerHeight > 2) {
        pen.centred(
            FormGeometry.GRID_HEADERS.substring(i, i + 1),
            cell.getCenterX(),
            frame.y() + headerHeight / 2,
            Math.min(headerHeight * 0.6, cell.getWidth() * 0.62));
      }
    }
  }
}
