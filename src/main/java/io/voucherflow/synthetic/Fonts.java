package io.voucherflow.synthetic;

import java.awt.Font;
import java.util.Locale;

/**
 * The two CJK fonts the synthetic vouchers use: WenQuanYi Zen Hei for print (Debian {@code
 * fonts-wqy-zenhei}) and AR PL UKai, a 楷书 that passes for handwriting ({@code fonts-arphic-ukai}).
 * Java's logical fonts stand in when they are missing, so rendering still works, only less real.
 */
final class Fonts {

  static {
    // Rendering needs no display; callers outside surefire (the CLI, the demo seeding) get it too.
    if (System.getProperty("java.awt.headless") == null) {
      System.setProperty("java.awt.headless", "true");
    }
  }

  static final Font PRINTED = find("WenQuanYi Zen Hei", Font.SANS_SERIF);
  static final Font HANDWRITING = find("AR PL UKai CN", Font.SERIF);

  private Fonts() {}

  static Font printed(double sizeMm) {
    return PRINTED.deriveFont(quantised(sizeMm));
  }

  static Font of(PenStyle style, double sizeMm) {
    return (style == PenStyle.HANDWRITTEN ? HANDWRITING : PRINTED).deriveFont(quantised(sizeMm));
  }

  /** Sizes on a 0.05 mm grid, so glyphs cached for one voucher serve the next. */
  private static float quantised(double sizeMm) {
    return (float) (Math.round(sizeMm * 20) / 20.0);
  }

  private static Font find(String family, String fallback) {
    Font font = new Font(family, Font.PLAIN, 1);
    return font.getFamily(Locale.ROOT).equals(Font.DIALOG)
        ? new Font(fallback, Font.PLAIN, 1)
        : font;
  }
}
