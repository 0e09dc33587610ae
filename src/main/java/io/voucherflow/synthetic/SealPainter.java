package io.voucherflow.synthetic;

import io.voucherflow.template.Region;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.NoninvertibleTransformException;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.awt.geom.RoundRectangle2D;
import java.util.random.RandomGenerator;

/**
 * Stamps red seal impressions into a seal area: a company's round 财务专用章 with its name around the
 * rim beside a square personal seal (法人章), or a bank's rectangular 转讫 stamp. Impressions are
 * translucent and turned a little, as stamps are.
 */
final class SealPainter {

  private final Graphics2D g;
  private final RandomGenerator random;
  private final TextPen pen;

  SealPainter(Graphics2D g, RandomGenerator random) {
    this.g = g;
    this.random = random;
    this.pen = new TextPen(g, PenStyle.PRINTED, null);
  }

  /** A round company seal and a square personal seal; returns their joint bounds (mm). */
  Rectangle2D company(Region area, String company, String personalSeal) {
    double d = Math.min(38, Math.min(area.height(), area.width() * 0.6) * 0.92);
    double square = Math.min(14, d * 0.45);
    double free = Math.max(0, area.width() - d - square - 3);
    double cx = area.x() + d / 2 + free * random.nextDouble() * 0.7;
    double cy =
        area.y() + area.height() / 2 + (area.height() - d) / 2 * (random.nextDouble() - 0.5);
    Rectangle2D round = roundSeal(cx, cy, d, company);
    double sx = cx + d / 2 + 2 + free * 0.3 * random.nextDouble();
    double sy = area.y() + (area.height() - square) * (0.3 + 0.5 * random.nextDouble());
    return round.createUnion(squareSeal(sx, sy, square, personalSeal));
  }

  /** A bank's rectangular stamp with its name, the date and 转讫; returns its bounds (mm). */
  Rectangle2D bank(Region area, String bankName, String date) {
    double turn = 8;
    double sin = Math.sin(Math.toRadians(turn));
    double cos = Math.cos(Math.toRadians(turn));
    // Sized and placed so that even turned by the most it may be, the stamp stays in its area.
    double w = Math.min(44, area.width() * 0.9);
    double h = Math.min(22, (area.height() * 0.95 - w * sin) / cos);
    double spanX = w * cos + h * sin;
    double spanY = w * sin + h * cos;
    double cx = area.x() + spanX / 2 + (area.width() - spanX) * random.nextDouble();
    double cy = area.y() + spanY / 2 + (area.height() - spanY) * random.nextDouble();
    AffineTransform saved = begin(cx, cy, turn);
    Rectangle2D box = new Rectangle2D.Double(-w / 2, -h / 2, w, h);
    g.setStroke(new BasicStroke(0.6f));
    g.draw(new RoundRectangle2D.Double(-w / 2, -h / 2, w, h, 3, 3));
    int half = bankName.length() / 2 + bankName.length() % 2;
    double line = h / 4;
    String[] lines = {
      bankName.substring(0, half), bankName.substring(half), date == null ? "" : date
    };
    for (int i = 0; i < lines.length; i++) {
      Rectangle2D row = new Rectangle2D.Double(-w / 2 + 1, -h / 2 + 0.5 + i * line, w - 2, line);
      pen.fit(lines[i], row, line * 0.8, true);
    }
    pen.centred("转讫", 0, h / 2 - line / 2 - 0.3, line * 0.85);
    return end(saved, box);
  }

  private Rectangle2D roundSeal(double cx, double cy, double d, String name) {
    AffineTransform saved = begin(cx, cy, 20);
    double r = d / 2;
    g.setStroke(new BasicStroke((float) (d * 0.035)));
    g.draw(new Ellipse2D.Double(-r * 0.97, -r * 0.97, r * 1.94, r * 1.94));
    g.fill(star(r * 0.2));
    // The name runs along at most 236° of a circle at 0.72 r; long names get smaller characters.
    double rim = r * 0.72;
    int n = Math.max(1, name.length());
    double size = Math.min(d * 0.14, rim * Math.toRadians(236) / n * 0.85);
    double arc = Math.min(236, n * Math.toDegrees(size * 1.15 / rim));
    AffineTransform base = g.getTransform();
    for (int i = 0; i < name.length(); i++) {
      double angle = name.length() == 1 ? 0 : -arc / 2 + arc * i / (name.length() - 1);
      g.rotate(Math.toRadians(angle));
      pen.centred(name.substring(i, i + 1), 0, -rim, size);
      g.setTransform(base);
    }
    pen.centred("财务专用章", 0, r * 0.46, d * 0.085);
    return end(saved, new Ellipse2D.Double(-r, -r, d, d));
  }

  /** A square personal seal, its characters in two columns read right to left. */
  private Rectangle2D squareSeal(double x, double y, double side, String text) {
    AffineTransform saved = begin(x + side / 2, y + side / 2, 6);
    g.setStroke(new BasicStroke((float) (side * 0.05)));
    g.draw(new Rectangle2D.Double(-side / 2 * 0.96, -side / 2 * 0.96, side * 0.96, side * 0.96));
    int right = (text.length() + 1) / 2;
    String[] columns = {text.substring(0, right), text.substring(right)};
    for (int col = 0; col < 2; col++) {
      String chars = columns[col];
      double cx = (col == 0 ? 1 : -1) * side * 0.22;
      double rowHeight = side * 0.84 / Math.max(1, chars.length());
      for (int row = 0; row < chars.length(); row++) {
        double cy = -side * 0.42 + rowHeight * (row + 0.5);
        pen.centred(chars.substring(row, row + 1), cx, cy, Math.min(side * 0.4, rowHeight * 0.95));
      }
    }
    return end(saved, new Rectangle2D.Double(-side / 2, -side / 2, side, side));
  }

  /** Moves the origin to the stamp's centre, turned at most {@code maxDegrees}, in seal red. */
  private AffineTransform begin(double cx, double cy, double maxDegrees) {
    AffineTransform saved = g.getTransform();
    g.translate(cx, cy);
    g.rotate(Math.toRadians(maxDegrees * (2 * random.nextDouble() - 1)));
    int alpha = 170 + random.nextInt(60);
    g.setColor(
        new Color(
            200 + random.nextInt(30), 20 + random.nextInt(30), 30 + random.nextInt(25), alpha));
    return saved;
  }

  /** Restores the transform and returns {@code local}'s bounds on the page. */
  private Rectangle2D end(AffineTransform saved, Shape local) {
    AffineTransform stamp = g.getTransform();
    g.setTransform(saved);
    try {
      AffineTransform pageFromStamp = saved.createInverse();
      pageFromStamp.concatenate(stamp);
      return pageFromStamp.createTransformedShape(local).getBounds2D();
    } catch (NoninvertibleTransformException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path2D star(double r) {
    Path2D.Double star = new Path2D.Double();
    for (int i = 0; i < 10; i++) {
      double radius = i % 2 == 0 ? r : r * 0.4;
      double a = Math.PI * i / 5 - Math.PI / 2;
      if (i == 0) {
        star.moveTo(radius * Math.cos(a), radius * Math.sin(a));
      } else {
        star.lineTo(radius * Math.cos(a), radius * Math.sin(a));
      }
    }
    star.closePath();
    return star;
  }
}
