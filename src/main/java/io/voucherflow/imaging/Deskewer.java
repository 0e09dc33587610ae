package io.voucherflow.imaging;

/**
 * Straightens a scanned page. Angles are in degrees, positive when the printed content appears
 * turned counter-clockwise on screen (image y axis pointing down); straightening turns the page
 * back by the same angle clockwise.
 */
public interface Deskewer {

  /**
   * Measures the page's skew and returns a straightened copy. The input page is left open and
   * unchanged; the caller closes both.
   */
  Deskewed deskew(PageImage page);

  /**
   * Measures the page's skew and where its form lies, without producing a straightened page: stages
   * that warp the page anyway apply {@link Skew#toStraight} in the same warp.
   */
  Skew locate(PageImage page);
}
