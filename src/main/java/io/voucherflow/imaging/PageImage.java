package io.voucherflow.imaging;

import static org.bytedeco.opencv.global.opencv_core.BORDER_CONSTANT;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.max;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_GRAYSCALE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_STRATEGY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_PNG_STRATEGY_RLE;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecodemulti;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_AREA;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;

import java.util.ArrayList;
import java.util.List;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerScope;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.MatVector;
import org.bytedeco.opencv.opencv_core.Range;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * A grayscale 8-bit page image held in native memory. Close it when done: the pixels live outside
 * the Java heap, and the pipeline handles millions of pages. Not thread-safe; one stage owns it at
 * a time.
 */
public final class PageImage implements AutoCloseable {

  private final Mat mat;
  // The page at half size, made on first use and freed with the page.
  private Mat half;

  /**
   * Takes ownership of a single-channel 8-bit matrix. It holds its own reference, so a {@code
   * PointerScope} the matrix was made in may close without freeing it; {@link #close} frees it.
   */
  PageImage(Mat mat) {
    if (mat.type() != CV_8UC1) {
      mat.close();
      throw new IllegalArgumentException("not an 8-bit grayscale image: type " + mat.type());
    }
    this.mat = mat;
    mat.retainReference();
  }

  /**
   * Decodes a JPEG, PNG or TIFF (first page) straight to grayscale, which for JPEG skips the chroma
   * planes and colour conversion altogether.
   *
   * @throws UnreadableImageException when the bytes are not a decodable image
   */
  public static PageImage decode(byte[] encoded) {
    requireBytes(encoded);
    try (BytePointer data = new BytePointer(encoded);
        Mat buffer = new Mat(1, encoded.length, CV_8UC1, data)) {
      Mat decoded = imdecode(buffer, IMREAD_GRAYSCALE);
      if (decoded.empty()) {
        decoded.close();
        throw new UnreadableImageException("not a decodable image (" + encoded.length + " bytes)");
      }
      return new PageImage(decoded);
    } catch (RuntimeException e) {
      throw e instanceof UnreadableImageException u
          ? u
          : new UnreadableImageException("image decoding failed: " + e.getMessage(), e);
    }
  }

  /**
   * Decodes up to {@code maxPages} pages of a multi-page TIFF (a JPEG or PNG gives one page). Pages
   * past the limit are not decoded; check {@link ImageProbe#probe} first to reject them instead.
   *
   * @throws UnreadableImageException when the bytes are not a decodable image
   */
  public static List<PageImage> decodePages(byte[] encoded, int maxPages) {
    requireBytes(encoded);
    if (maxPages < 1) {
      throw new IllegalArgumentException("maxPages must be positive");
    }
    List<PageImage> pages = new ArrayList<>();
    try (BytePointer data = new BytePointer(encoded);
        Mat buffer = new Mat(1, encoded.length, CV_8UC1, data);
        MatVector decoded = new MatVector();
        Range range = new Range(0, maxPages)) {
      boolean ok = imdecodemulti(buffer, IMREAD_GRAYSCALE, decoded, range);
      for (long i = 0; i < decoded.size(); i++) {
        // get() is a reference into the vector; the copy is a header that shares the pixels and
        // outlives the vector.
        Mat page = new Mat(decoded.get(i));
        if (ok && !page.empty() && pages.size() < maxPages) {
          pages.add(new PageImage(page));
        } else {
          page.close();
        }
      }
    } catch (RuntimeException e) {
      pages.forEach(PageImage::close);
      throw e instanceof UnreadableImageException u
          ? u
          : new UnreadableImageException("image decoding failed: " + e.getMessage(), e);
    }
    if (pages.isEmpty()) {
      throw new UnreadableImageException("not a decodable image (" + encoded.length + " bytes)");
    }
    return pages;
  }

  /** Copies row-major 8-bit gray pixels, e.g. from a {@code TYPE_BYTE_GRAY} BufferedImage. */
  public static PageImage ofGray(byte[] pixels, int width, int height) {
    if (width <= 0 || height <= 0 || pixels.length != width * height) {
      throw new IllegalArgumentException(
          pixels.length + " bytes do not make a " + width + "x" + height + " image");
    }
    Mat mat = new Mat(height, width, CV_8UC1);
    mat.data().put(pixels, 0, pixels.length);
    return new PageImage(mat);
  }

  public int width() {
    return mat.cols();
  }

  public int height() {
    return mat.rows();
  }

  /**
   * A view of the pixels inside {@code box} (clamped to the page). No pixels are copied; the view
   * keeps them alive on its own, so it and this page may be closed in any order.
   *
   * @throws IllegalArgumentException when the box lies wholly outside the page
   */
  public PageImage crop(PixelBox box) {
    PixelBox inside = box.clampTo(width(), height());
    if (inside.isEmpty()) {
      throw new IllegalArgumentException(box + " is outside the " + width() + "x" + height());
    }
    try (Rect rect = new Rect(inside.x(), inside.y(), inside.width(), inside.height())) {
      return new PageImage(new Mat(mat, rect));
    }
  }

  /**
   * The page moved by an affine {@code transform} onto a grid of the same size (bilinear, white
   * where nothing maps).
   */
  public PageImage transformed(PageTransform transform) {
    if (!transform.isAffine()) {
      throw new IllegalArgumentException("not an affine transform: " + transform);
    }
    try (PointerScope scope = new PointerScope()) {
      Mat out = new Mat();
      warpAffine(
          mat,
          out,
          TransformFit.toMat(transform),
          new Size(width(), height()),
          INTER_LINEAR,
          BORDER_CONSTANT,
          new Scalar(255));
      return new PageImage(out);
    }
  }

  /** A copy in which every pixel lighter than {@code level} is white (255). */
  public PageImage whitenAbove(int level) {
    try (PointerScope scope = new PointerScope()) {
      Mat light = new Mat();
      threshold(mat, light, level, 255, THRESH_BINARY);
      Mat out = new Mat();
      max(mat, light, out);
      return new PageImage(out);
    }
  }

  /** A second handle on the same pixels, owned and closed separately. */
  public PageImage share() {
    return new PageImage(new Mat(mat));
  }

  /**
   * The pixels as a lossless grayscale PNG, compressed for speed: run-length zlib, three times
   * faster than zlib's general matching and within 10 % of its size on mostly white slices.
   */
  public byte[] encodePng() {
    return encode(".png", IMWRITE_PNG_STRATEGY, IMWRITE_PNG_STRATEGY_RLE);
  }

  /** The pixels as a grayscale JPEG of the given quality (0–100). */
  public byte[] encodeJpeg(int quality) {
    return encode(".jpg", IMWRITE_JPEG_QUALITY, quality);
  }

  /** A row-major copy of the pixels. */
  public byte[] pixels() {
    byte[] out = new byte[width() * height()];
    BytePointer data = mat.data();
    long step = mat.step();
    for (int row = 0; row < height(); row++) {
      data.position(row * step).get(out, row * width(), width());
    }
    data.position(0);
    return out;
  }

  /** The matrix, for the OpenCV-based implementations in this package; still owned by this page. */
  Mat mat() {
    return mat;
  }

  /**
   * The page at half size, area-averaged, made on first use and kept while the page lives: the skew
   * measure and the aligner both start from it, so the page is shrunk once. The factor is exactly
   * one half, OpenCV's fast averaging path (a size given in pixels for an odd width is an odd
   * ratio, many times slower). Owned by this page: never modify or close it.
   */
  Mat half() {
    if (half == null) {
      Mat made = new Mat();
      resize(mat, made, new Size(), 0.5, 0.5, INTER_AREA);
      made.retainReference(); // outlives a PointerScope it may be made in; close frees it
      half = made;
    }
    return half;
  }

  @Override
  public void close() {
    mat.close();
    if (half != null) {
      half.close();
      half = null;
    }
  }

  private byte[] encode(String extension, int option, int value) {
    try (IntPointer params = new IntPointer(option, value);
        BytePointer out = new BytePointer()) {
      if (!imencode(extension, mat, out, params)) {
        throw new IllegalStateException("OpenCV could not encode " + extension);
      }
      byte[] bytes = new byte[(int) out.limit()];
      out.get(bytes);
      return bytes;
    }
  }

  private static void requireBytes(byte[] encoded) {
    if (encoded == null || encoded.length == 0) {
      throw new UnreadableImageException("no image bytes");
    }
  }
}
