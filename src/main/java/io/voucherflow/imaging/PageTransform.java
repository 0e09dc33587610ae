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

  public static PageTransform identity() {
    return affine(1, 0, 0, 0, 1, 0);
  }

  /** This transform followed by {@code next}: {@code next.map(this.map(p))}. */
  public PageTransform then(PageTransform next) {
    double[] a = next.matrix;
    double[] b = matrix;
    double[] m = new double[9];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        m[3 * r + c] = a[3 * r] * b[c] + a[3 * r + 1] * b[3 + c] + a[3 * r + 2] * b[6 + c];
      }
    }
    return new PageTransform(m);
  }

  /** The transform undoing this one. */
  public PageTransform inverse() {
    double[] m = matrix;
    double a = m[4] * m[8] - m[5] * m[7];
    double b = m[5] * m[6] - m[3] * m[8];
    double c = m[3] * m[7] - m[4] * m[6];
    double det = m[0] * a + m[1] * b + m[2] * c;
    if (Math.abs(det) < 1e-12) {
      throw new IllegalStateException("transform is not invertible: " + this);
    }
    double[] inv = {
      a / det,
      (m[2] * m[7] - m[1] * m[8]) / det,
      (m[1] * m[5] - m[2] * m[4]) / det,
      b / det,
      (m[0] * m[8] - m[2] * m[6]) / det,
      (m[2] * m[3] - m[0] * m[5]) / det,
      c / det,
      (m[1] * m[6] - m[0] * m[7]) / det,
      (m[0] * m[4] - m[1] * m[3]) / det
    };
    return new PageTransform(inv);
  }

  /** The whole-pixel box around where {@code box}'s corners go. */
  public PixelBox map(PixelBox box) {
    double[] points = new double[8];
    double[][] corners = {
      {box.x(), box.y()},
      {box.x() + box.width(), box.y()},
      {box.x(), box.y() + box.height()},
      {box.x() + box.width(), box.y() + box.height()}
    };
    for (int i = 0; i < 4; i++) {
      double[] p = map(corners[i][0], corners[i][1]);
      points[2 * i] = p[0];
      points[2 * i + 1] = p[1];
    }
    return PixelBox.around(points);
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
