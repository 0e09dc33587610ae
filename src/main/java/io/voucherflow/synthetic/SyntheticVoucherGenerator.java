package io.voucherflow.synthetic;

import io.voucherflow.template.FieldSpec;
import io.voucherflow.template.Region;
import io.voucherflow.template.TemplateDefinition;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Generates realistic scanned vouchers of a template with their ground truth, for tests, demo data
 * and load tests. The seed decides everything: the same template, seed and options give
 * byte-identical JPEG and JSON. Content, handwriting and scanning draw from separate streams of the
 * seed, so switching the QR code off or changing the degradation keeps the same content.
 * Thread-safe; share one instance to share its cache of blank forms.
 */
public final class SyntheticVoucherGenerator {

  /**
   * How to generate: {@code noQr} leaves the QR code off; skew is uniform in ±{@code
   * maxSkewDegrees}, zoom in 1 ± {@code maxScaleDelta}, the page is shifted by up to {@code
   * maxOffsetMm} of scanner bed on each side; blur up to {@code maxBlurSigma} px and grey noise up
   * to {@code maxNoise} levels; {@code jpegQuality} 1–100 (0 = random 70–92); {@code widthPx} the
   * page width before scanning (0 = {@value #DEFAULT_DPI} dpi, 1700 px for the cheque); {@code
   * penStyle} null = printed or handwritten at random.
   */
  public record Options(
      boolean noQr,
      double maxSkewDegrees,
      double maxScaleDelta,
      double maxOffsetMm,
      double maxBlurSigma,
      double maxNoise,
      int jpegQuality,
      int widthPx,
      PenStyle penStyle) {

    public static final int DEFAULT_DPI = 200;

    /** Scanner-like defaults: ±10° skew, ±5 % zoom, up to 6 mm offset, light blur and noise. */
    public static Options defaults() {
      return new Options(false, 10, 0.05, 6, 1.0, 6, 0, 0, null);
    }

    /** A perfect scan: no skew, zoom, offset, blur or noise, JPEG quality 95; image = page. */
    public static Options clean() {
      return new Options(false, 0, 0, 0, 0, 0, 95, 0, null);
    }

    public Options withNoQr(boolean noQr) {
      return new Options(
          noQr,
          maxSkewDegrees,
          maxScaleDelta,
          maxOffsetMm,
          maxBlurSigma,
          maxNoise,
          jpegQuality,
          widthPx,
          penStyle);
    }

    public Options withMaxSkewDegrees(double degrees) {
      return new Options(
          noQr,
          degrees,
          maxScaleDelta,
          maxOffsetMm,
          maxBlurSigma,
          maxNoise,
          jpegQuality,
          widthPx,
          penStyle);
    }

    public Options withJpegQuality(int quality) {
      return new Options(
          noQr,
          maxSkewDegrees,
          maxScaleDelta,
          maxOffsetMm,
          maxBlurSigma,
          maxNoise,
          quality,
          widthPx,
          penStyle);
    }

    public Options withWidthPx(int width) {
      return new Options(
          noQr,
          maxSkewDegrees,
          maxScaleDelta,
          maxOffsetMm,
          maxBlurSigma,
          maxNoise,
          jpegQuality,
          width,
          penStyle);
    }

    public Options withPenStyle(PenStyle style) {
      return new Options(
          noQr,
          maxSkewDegrees,
          maxScaleDelta,
          maxOffsetMm,
          maxBlurSigma,
          maxNoise,
          jpegQuality,
          widthPx,
          style);
    }

    /** The page width in pixels for template {@code t}. */
    public int widthFor(TemplateDefinition t) {
      return widthPx > 0 ? widthPx : (int) Math.round(t.page().widthMm() / 25.4 * DEFAULT_DPI);
    }
  }

  private final FormRenderer renderer;

  public SyntheticVoucherGenerator() {
    this(new FormRenderer());
  }

  public SyntheticVoucherGenerator(FormRenderer renderer) {
    this.renderer = renderer;
  }

  /** One voucher of template {@code t} for {@code seed}. */
  public GeneratedVoucher generate(TemplateDefinition t, long seed, Options o) {
    SplittableRandom content = new SplittableRandom(seed);
    SplittableRandom hand = new SplittableRandom(seed ^ 0x5DEECE66DL);
    SplittableRandom scanner = new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L);
    PenStyle style = content.nextBoolean() ? PenStyle.PRINTED : PenStyle.HANDWRITTEN;
    if (o.penStyle() != null) {
      style = o.penStyle();
    }
    VoucherContent values =
        ContentGenerator.generate(t, content, !o.noQr() && t.qr() != null, style);
    FilledPage page = renderer.renderFilled(t, values, o.widthFor(t), hand);
    ScanSimulator.Scan scan = ScanSimulator.scan(page.image(), page.pxPerMm(), o, scanner);
    int quality = o.jpegQuality() > 0 ? o.jpegQuality() : 70 + scanner.nextInt(23);
    byte[] jpeg = JpegCodec.encode(scan.image(), quality);
    return new GeneratedVoucher(jpeg, scan.image(), truth(t, values, page, scan, quality));
  }

  private static GroundTruth truth(
      TemplateDefinition t,
      VoucherContent values,
      FilledPage page,
      ScanSimulator.Scan scan,
      int quality) {
    AffineTransform mmToImage = new AffineTransform(scan.pageToImage());
    mmToImage.scale(page.pxPerMm(), page.pxPerMm());
    int w = scan.image().getWidth();
    int h = scan.image().getHeight();
    List<FieldTruth> fields = new ArrayList<>();
    for (FieldSpec f : t.fields()) {
      FieldValue v = values.values().get(f.name());
      Rectangle2D ink = page.inkBoxesMm().get(f.name());
      PixelBox region = PixelBox.around(FormGeometry.rect(f.region()), mmToImage, w, h);
      fields.add(
          new FieldTruth(
              f.name(),
              f.kind(),
              v == null ? null : v.value(),
              v == null ? null : v.text(),
              ink == null ? null : PixelBox.around(ink, mmToImage, w, h),
              region,
              ink == null
                  ? null
                  : new Region(ink.getX(), ink.getY(), ink.getWidth(), ink.getHeight())));
    }
    double[] m = new double[6];
    mmToImage.getMatrix(m);
    return new GroundTruth(
        t.code(),
        t.version(),
        values.serial(),
        page.qrBoxMm() != null,
        page.qrBoxMm() != null ? values.qrPayload() : null,
        page.qrBoxMm() == null ? null : PixelBox.around(page.qrBoxMm(), mmToImage, w, h),
        scan.skewDegrees(),
        scan.scale(),
        page.pxPerMm(),
        List.of(m[0], m[1], m[2], m[3], m[4], m[5]),
        w,
        h,
        quality,
        values.style(),
        fields);
  }
}
