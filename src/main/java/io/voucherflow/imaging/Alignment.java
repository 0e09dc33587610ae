package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.bytedeco.opencv.global.opencv_imgproc.warpPerspective;

import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A page registered to its template's reference: the transform from the pixels of the page given to
 * {@link Aligner#align} to reference pixels, the quality in [0, 1] (mean anchor correlation over
 * all of the template's anchors, so a missing anchor lowers it), how many anchors were used, and
 * their root-mean-square misfit in reference pixels (NaN when none).
 *
 * <p>Pixels are warped only where they are asked for: {@link #region} warps one box of the
 * reference grid straight from the scan, so slicing and OCR pay for the fields (under half of a
 * voucher) rather than for the whole page; {@link #page} warps the whole page once, on first use.
 * Owns a handle on the scan; close it when done.
 */
public final class Alignment implements AutoCloseable {

  private final PageImage source;
  private final PageTransform transform;
  private final int width;
  private final int height;
  private final double quality;
  private final int anchorsUsed;
  private final double residualPx;
  private PageImage page;

  /**
   * @param source the scan the transform maps from; this alignment takes ownership of it
   * @param width the reference grid's width in pixels
   */
  public Alignment(
      PageImage source,
      PageTransform transform,
      int width,
      int height,
      double quality,
      int anchorsUsed,
      double residualPx) {
    this.source = source;
    this.transform = transform;
    this.width = width;
    this.height = height;
    this.quality = quality;
    this.anchorsUsed = anchorsUsed;
    this.residualPx = residualPx;
  }

  public PageTransform transform() {
    return transform;
  }

  public double quality() {
    return quality;
  }

  public int anchorsUsed() {
    return anchorsUsed;
  }

  public double residualPx() {
    return residualPx;
  }

  /** Width of the reference grid (pixels), which maps template millimetres. */
  public int width() {
    return width;
  }

  public int height() {
    return height;
  }

  /** The whole aligned page (reference size), warped on first use and owned by this alignment. */
  public PageImage page() {
    if (page == null) {
      page = warp(new PixelBox(0, 0, width, height));
    }
    return page;
  }

  /**
   * The aligned pixels inside {@code box} (reference pixels, clamped to the grid), warped from the
   * scan; a new image the caller closes.
   *
   * @throws IllegalArgumentException when the box lies wholly outside the grid
   */
  public PageImage region(PixelBox box) {
    PixelBox inside = box.clampTo(width, height);
    if (inside.isEmpty()) {
      throw new IllegalArgumentException(box + " is outside the " + width + "x" + height);
    }
    if (page != null) {
      return page.crop(inside);
    }
    return warp(inside);
  }

  private PageImage warp(PixelBox box) {
    PageTransform toBox = transform.then(PageTransform.affine(1, 0, -box.x(), 0, 1, -box.y()));
    try (PointerScope scope = new PointerScope()) {
      Mat out = new Mat();
      Size size = new Size(box.width(), box.height());
      Scalar white = new Scalar(255);
      Mat matrix = TransformFit.toMat(toBox);
      if (toBox.isAffine()) {
        warpAffine(source.mat(), out, matrix, size, INTER_LINEAR, BORDER_CONSTANT, white);
      } else {
        warpPerspective(source.mat(), out, matrix, size, INTER_LINEAR, BORDER_CONSTANT, white);
      }
      return new PageImage(out);
    }
  }

  @Override
  public void close() {
    source.close();
    if (page != null) {
      page.close();
    }
  }
}
