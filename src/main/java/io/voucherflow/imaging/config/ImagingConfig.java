package io.voucherflow.imaging.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.voucherflow.imaging.PageCorner;

/** Image-processing settings (prefix {@code vf.imaging}). */
@ConfigMapping(prefix = "vf.imaging")
public interface ImagingConfig {

  /** Largest pixel count (all pages together) an image's headers may declare; bomb guard. */
  @WithDefault("40000000")
  long maxPixels();

  /** Most pages decoded from one multi-page TIFF (front and back of a voucher). */
  @WithDefault("2")
  int maxPages();

  /**
   * Threads OpenCV may use inside one call (1: none of its own; the pipeline's handlers are the
   * parallelism).
   */
  @WithDefault("1")
  int opencvThreads();

  Deskew deskew();

  Qr qr();

  Layout layout();

  Align align();

  Slice slice();

  Ocr ocr();

  /** Deskewing. */
  interface Deskew {

    /** Largest skew (degrees) trusted and corrected; hand-fed vouchers stay within 15°. */
    @WithDefault("15")
    double maxAngleDegrees();

    /** Skews below this (degrees) are left alone: the rotation would cost more than it gains. */
    @WithDefault("0.05")
    double minCorrectionDegrees();
  }

  /** QR reading. */
  interface Qr {

    /** Side (pixels) of the corner square searched for the QR code first. */
    @WithDefault("400")
    int roiSizePx();

    /** The corner where templates print their QR code. */
    @WithDefault("top-right")
    PageCorner corner();

    /** Whether to search the whole page when the corner holds no readable code. */
    @WithDefault("true")
    boolean wholePageFallback();
  }

  /** Layout recognition for pages without a readable QR code. */
  interface Layout {

    /**
     * Least confidence (0–1) at which a layout match is taken without a person. On 400 generated
     * vouchers without QR the right template scored 0.62 or more, and every other template was
     * ruled out by the shape of its printed frame (score 0). A form the platform does not know
     * scores low on both parts (ruling and anchors); a wrong template costs far more than a manual
     * classification, so the bar stays above half.
     */
    @WithDefault("0.55")
    double minConfidence();

    /** Least lead (0–1) of the best template over the runner-up for it to be taken. */
    @WithDefault("0.08")
    double minMargin();

    /** How far (mm) print may sit from its template position during layout matching. */
    @WithDefault("10")
    double searchMarginMm();
  }

  /** Alignment to the template's reference image. */
  interface Align {

    /** How far (mm) an anchor may sit from its template position: scanner offset plus scale. */
    @WithDefault("15")
    double searchMarginMm();

    /** Correlation (0–1) below which an anchor counts as not found. */
    @WithDefault("0.5")
    double minAnchorScore();

    /** Least alignment quality (0–1) at which slices are cut without a person checking. */
    @WithDefault("0.5")
    double minQuality();

    /** Whether to correct perspective (needs four anchors) rather than fit an affine transform. */
    @WithDefault("false")
    boolean perspective();
  }

  /** Slicing. */
  interface Slice {

    /** Paper (mm) kept around each field region, for handwriting straying over a box edge. */
    @WithDefault("2")
    double marginMm();

    /**
     * Gray levels above this become white on slices (background print removed); 255 keeps the scan
     * as it is. Ink, stamps and pencil stay well below 200.
     */
    @WithDefault("200")
    int whiteLevel();
  }

  /** OCR. */
  interface Ocr {

    /** Tesseract's tessdata directory (holding eng and chi_sim traineddata). */
    @WithDefault("/usr/share/tesseract-ocr/5/tessdata")
    String tessdataPath();

    /** Whether to whiten box frames and digit separators before OCR. */
    @WithDefault("true")
    boolean eraseRules();

    /**
     * Height (px) one-line slices are shrunk to before OCR; 0 keeps scan size. Tesseract's line
     * model reads at about this height: on 200 generated vouchers 32 px read every printed digit
     * field right, 40 px 96.9 %, 48 px 94.2 % and scan size 86.9 % (digit boxes suffer most).
     */
    @WithDefault("32")
    int lineHeightPx();
  }
}
