package echobench.harness.synth;

import java.util.Arrays;

/**
 * The scanner's point-spread function on the polar grid, separable into an axial and a lateral
 * Gaussian.
 *
 * <p>Axially the resolution is the pulse: full width at half maximum one wavelength {@code λ = c/f}
 * (a two-cycle pulse, halved by the round trip). Laterally a receive-focused beam is
 * diffraction-limited, {@code λ·r/D} for an aperture {@code D}, plus a near-field floor, so the
 * beam widens with depth in centimetres. Widths below {@link #MIN_SIGMA} samples are raised to it
 * (the image cannot show finer detail), widths above {@link #MAX_SIGMA} beams capped. Kernels have
 * unit energy, so white input keeps its power and speckle brightness does not depend on the kernel
 * size.
 */
final class PointSpreadFunction {
  /** Speed of sound in soft tissue, cm·MHz (1540 m/s): wavelength in cm = this / frequency. */
  static final double SOUND_SPEED = 0.154;
  /** Active aperture of a cardiac phased array, cm. */
  static final double APERTURE_CM = 1.8;
  /** Beam width near the transducer, cm. */
  static final double NEAR_FIELD_CM = 0.15;
  static final double MIN_SIGMA = 0.6;
  static final double MAX_SIGMA = 6;
  private static final double FWHM_PER_SIGMA = 2 * Math.sqrt(2 * Math.log(2));

  private final int ranges;
  private final int beams;
  private final float[] axial;
  private final float[][] lateral;
  private final float[] scratch;

  PointSpreadFunction(PolarGrid grid, double frequencyMHz) {
    this.ranges = grid.ranges();
    this.beams = grid.beams();
    double wavelength = SOUND_SPEED / frequencyMHz;
    axial = kernel(wavelength / FWHM_PER_SIGMA / grid.rangeStep());
    lateral = new float[ranges][];
    for (int i = 0; i < ranges; i++) {
      double r = grid.range(i);
      double width = NEAR_FIELD_CM + wavelength * r / APERTURE_CM;
      lateral[i] = kernel(width / FWHM_PER_SIGMA / (r * grid.angleStep()));
    }
    scratch = new float[ranges * beams];
  }

  /** Lateral standard deviation, in beams, at range row {@code i}. */
  double lateralSigmaBeams(int i) {
    float[] k = lateral[i];
    int half = k.length / 2;
    double sum = 0;
    for (int t = 0; t < k.length; t++) {
      sum += (double) (t - half) * (t - half) * k[t] * k[t];
    }
    return Math.sqrt(2 * sum);
  }

  /** Convolves the complex field {@code (re, im)} with the point-spread function, in place. */
  void apply(float[] re, float[] im) {
    filter(re);
    filter(im);
  }

  private void filter(float[] data) {
    for (int i = 0; i < ranges; i++) {
      float[] k = lateral[i];
      int half = k.length / 2;
      int row = i * beams;
      for (int j = 0; j < beams; j++) {
        int from = Math.max(-half, -j);
        int to = Math.min(half, beams - 1 - j);
        float sum = 0;
        for (int t = from; t <= to; t++) {
          sum += k[t + half] * data[row + j + t];
        }
        scratch[row + j] = sum;
      }
    }
    int half = axial.length / 2;
    Arrays.fill(data, 0f);
    for (int i = 0; i < ranges; i++) {
      int row = i * beams;
      for (int t = Math.max(-half, -i); t <= Math.min(half, ranges - 1 - i); t++) {
        float weight = axial[t + half];
        int source = (i + t) * beams;
        for (int j = 0; j < beams; j++) {
          data[row + j] += weight * scratch[source + j];
        }
      }
    }
  }

  /** A unit-energy Gaussian of standard deviation {@code sigma} samples, clamped to the limits. */
  private static float[] kernel(double sigma) {
    double s = Math.max(MIN_SIGMA, Math.min(MAX_SIGMA, sigma));
    int half = (int) Math.ceil(3 * s);
    float[] k = new float[2 * half + 1];
    double energy = 0;
    for (int t = -half; t <= half; t++) {
      double value = Math.exp(-0.5 * t * t / (s * s));
      k[t + half] = (float) value;
      energy += value * value;
    }
    float norm = (float) (1 / Math.sqrt(energy));
    for (int t = 0; t < k.length; t++) {
      k[t] *= norm;
    }
    return k;
  }
}
