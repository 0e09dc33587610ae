package io.voucherflow.synthetic;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.random.RandomGenerator;

/**
 * What a scanner's optics and sensor add: a slight blur (3×3 Gaussian), exposure drift (gain and
 * offset) and Gaussian grey noise. One pass per direction over packed pixels, in place; a voucher
 * has some two million pixels, so every operation per pixel counts.
 */
final class SensorEffects {

  private static final int NOISE_TABLE = 1024;

  /** Noise is clipped to ±this many grey levels so one table holds every biased value. */
  private static final int MAX_NOISE = 64;

  private SensorEffects() {}

  /**
   * Blurs {@code rgb} (TYPE_INT_RGB) by {@code sigma} px (none below a quarter pixel) and, when
   * {@code noiseSigma > 0}, adds exposure drift and noise of {@code noiseSigma} grey levels.
   */
  static void apply(BufferedImage rgb, double sigma, double noiseSigma, RandomGenerator random) {
    int w = rgb.getWidth();
    int h = rgb.getHeight();
    int[] px = ((DataBufferInt) rgb.getRaster().getDataBuffer()).getData();
    if (sigma >= 0.25) {
      int side = (int) Math.round(256 * gaussianSide(sigma));
      horizontal(px, w, h, side);
      vertical(px, w, h, side);
    }
    if (noiseSigma > 0) {
      expose(px, noiseSigma, random);
    }
  }

  private static void expose(int[] px, double noiseSigma, RandomGenerator random) {
    double gain = 1 + 0.04 * (2 * random.nextDouble() - 1);
    double bias = 6 * (2 * random.nextDouble() - 1);
    // tone[v + MAX_NOISE] = the sensor's reading of grey level v (noise included), clamped.
    int[] tone = new int[256 + 2 * MAX_NOISE];
    for (int i = 0; i < tone.length; i++) {
      tone[i] = (int) Math.max(0, Math.min(255, Math.round((i - MAX_NOISE) * gain + bias)));
    }
    int[] noise = new int[NOISE_TABLE];
    for (int i = 0; i < NOISE_TABLE; i++) {
      long n = Math.round(random.nextGaussian() * noiseSigma);
      noise[i] = MAX_NOISE + (int) Math.max(-MAX_NOISE, Math.min(MAX_NOISE, n));
    }
    int state = (int) random.nextLong() | 1;
    for (int i = 0; i < px.length; i++) {
      state ^= state << 13; // xorshift32: the per-pixel draw must be cheap
      state ^= state >>> 17;
      state ^= state << 5;
      int n = noise[state & (NOISE_TABLE - 1)];
      int p = px[i];
      px[i] =
          tone[((p >> 16) & 0xFF) + n] << 16
              | tone[((p >> 8) & 0xFF) + n] << 8
              | tone[(p & 0xFF) + n];
    }
  }

  /** The weight of each neighbour in a three-tap Gaussian, the three summing to 1. */
  private static double gaussianSide(double sigma) {
    double e = Math.exp(-1 / (2 * sigma * sigma));
    return e / (1 + 2 * e);
  }

  private static void horizontal(int[] px, int w, int h, int side) {
    int centre = 256 - 2 * side;
    for (int y = 0; y < h; y++) {
      int row = y * w;
      int prev = px[row];
      for (int x = 0; x < w; x++) {
        int here = px[row + x];
        int next = x + 1 < w ? px[row + x + 1] : here;
        px[row + x] = mix(prev, here, next, side, centre);
        prev = here;
      }
    }
  }

  private static void vertical(int[] px, int w, int h, int side) {
    int centre = 256 - 2 * side;
    int[] above = new int[w];
    System.arraycopy(px, 0, above, 0, w);
    for (int y = 0; y < h; y++) {
      int row = y * w;
      int below = y + 1 < h ? row + w : row;
      for (int x = 0; x < w; x++) {
        int here = px[row + x];
        px[row + x] = mix(above[x], here, px[below + x], side, centre);
        above[x] = here;
      }
    }
  }

  /** Weighted sum of three packed RGB pixels, weights out of 256: red and blue in one multiply. */
  private static int mix(int a, int b, int c, int side, int centre) {
    long rb = ((a & 0xFF00FFL) + (c & 0xFF00FFL)) * side + (b & 0xFF00FFL) * centre;
    long g = ((a & 0xFF00L) + (c & 0xFF00L)) * side + (b & 0xFF00L) * centre;
    return (int) (((rb >>> 8) & 0xFF00FFL) | ((g >>> 8) & 0xFF00L));
  }
}
