package echobench.perturb;

import java.util.SplittableRandom;

/**
 * Fully developed speckle as a multiplier map: a circular complex Gaussian field, low-passed by a
 * separable Gaussian point-spread function, whose envelope is Rayleigh distributed; the envelope is
 * divided by its theoretical mean so that the map has unit mean everywhere.
 *
 * <p>The white field is drawn on a frame padded by the kernel radii and filtered without padding
 * ("valid" convolution), so every output pixel sees a full kernel and the statistics are the same
 * at the borders as in the centre. Filtering unit-variance white noise with normalised kernels
 * {@code kx, ky} leaves each quadrature component with variance {@code σ² = Σkx²·Σky²}, and a
 * Rayleigh envelope of that scale has mean {@code σ·√(π/2)} and contrast (std/mean)
 * {@code √(4/π − 1) ≈ 0.523}. One instance reuses its buffers from frame to frame.
 */
final class SpeckleField {
  /** Contrast (standard deviation over mean) of a fully developed Rayleigh speckle envelope. */
  static final double RAYLEIGH_CONTRAST = Math.sqrt(4 / Math.PI - 1);

  private final int height;
  private final int width;
  private final float[] lateral;
  private final float[] axial;
  private final float[] real;
  private final float[] imaginary;
  private final float[] realRows;
  private final float[] imaginaryRows;
  private final float[] envelope;
  private final float unitMean;

  /**
   * A generator for {@code height×width} frames whose point-spread function has standard deviation
   * {@code lateralSigma} pixels across the beam (along x) and {@code axialSigma} along it (along y).
   */
  SpeckleField(int height, int width, double lateralSigma, double axialSigma) {
    this.height = height;
    this.width = width;
    this.lateral = gaussian(lateralSigma);
    this.axial = gaussian(axialSigma);
    int paddedWidth = width + lateral.length - 1;
    int paddedHeight = height + axial.length - 1;
    this.real = new float[paddedHeight * paddedWidth];
    this.imaginary = new float[paddedHeight * paddedWidth];
    this.realRows = new float[paddedHeight * width];
    this.imaginaryRows = new float[paddedHeight * width];
    this.envelope = new float[height * width];
    double sigma = Math.sqrt(sumOfSquares(lateral) * sumOfSquares(axial));
    this.unitMean = (float) (1 / (sigma * Math.sqrt(Math.PI / 2)));
  }

  /**
   * The next speckle map, {@code H·W} row-major with unit mean, drawn from {@code random} (the real
   * component first, then the imaginary one, each row-major). The returned array is overwritten by
   * the following call.
   */
  float[] next(SplittableRandom random) {
    fill(real, random);
    fill(imaginary, random);
    filterRows(real, realRows);
    filterRows(imaginary, imaginaryRows);
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        float re = 0;
        float im = 0;
        for (int k = 0; k < axial.length; k++) {
          int q = (y + k) * width + x;
          re += axial[k] * realRows[q];
          im += axial[k] * imaginaryRows[q];
        }
        envelope[y * width + x] = (float) Math.sqrt(re * re + im * im) * unitMean;
      }
    }
    return envelope;
  }

  private void filterRows(float[] padded, float[] rows) {
    int paddedWidth = width + lateral.length - 1;
    int paddedHeight = padded.length / paddedWidth;
    for (int y = 0; y < paddedHeight; y++) {
      int in = y * paddedWidth;
      int out = y * width;
      for (int x = 0; x < width; x++) {
        float s = 0;
        for (int k = 0; k < lateral.length; k++) {
          s += lateral[k] * padded[in + x + k];
        }
        rows[out + x] = s;
      }
    }
  }

  private static void fill(float[] field, SplittableRandom random) {
    for (int i = 0; i < field.length; i++) {
      field[i] = (float) random.nextGaussian();
    }
  }

  /** A normalised Gaussian kernel of standard deviation {@code sigma}, radius {@code ⌈3σ⌉}. */
  private static float[] gaussian(double sigma) {
    int radius = (int) Math.ceil(3 * sigma);
    double[] w = new double[2 * radius + 1];
    double sum = 0;
    for (int k = -radius; k <= radius; k++) {
      w[k + radius] = Math.exp(-k * k / (2 * sigma * sigma));
      sum += w[k + radius];
    }
    float[] kernel = new float[w.length];
    for (int k = 0; k < w.length; k++) {
      kernel[k] = (float) (w[k] / sum);
    }
    return kernel;
  }

  private static double sumOfSquares(float[] kernel) {
    double s = 0;
    for (float k : kernel) {
      s += (double) k * k;
    }
    return s;
  }
}
