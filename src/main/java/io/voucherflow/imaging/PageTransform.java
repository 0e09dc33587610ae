package io.voucherflow.imaging;

import java.util.Arrays;

/**
 * A plane projective transform between two pixel grids, as a row-major 3x3 matrix; affine when the
 * last row is {@code 0 0 1}.
 */
public record PageTransform(double[] matrix) {

  public PageTransform {
    if (matrix.length != 9) {
      throw new IllegalArgumentException("a 3x3 matrix has 9 entries");
    }
    matrix = matrix.clone();
  }

  /** The affine transform {@code x' = a x + b y + c, y' = d x + e y + f}. */
  public static PageTransform affine(double a, double b, double c, double d, double e, double f) {
    return new PageTransform(new double[] {a, b, c, d, e, f, 0, 0, 1});
  }

  /** Scaling about the origin, which maps pixel grids of different resolution. */
  public static PageTransform scale(double sx, double sy) {
    return affine(sx, 0, 0, 0, sy, 0);
  }

  @Override
  public double[] matrix() {
    return matrix.clone();
  }

  public boolean isAffine() {
    return matrix[6] == 0 && matrix[7] == 0 && matrix[8] == 1;
  }

  /** Where the point {@code (x, y)} goes: {@code {x', y'}}. */
  public double[] map(double x, double y) {
    double w = matrix[6] * x + matrix[7] * y + matrix[8];
    return new double[] {
      (matrix[0] * x + matrix[1] * y + matrix[2]) / w,
      (matrix[3] * x + matrix[4] * y + matrix[5]) / w
    };
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof PageTransform t && Arrays.equals(matrix, t.matrix);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(matrix);
  }

  @Override
  public String toString() {
    return "PageTransform" + Arrays.toString(matrix);
  }
}
