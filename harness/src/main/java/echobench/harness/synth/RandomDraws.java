package echobench.harness.synth;

import java.util.SplittableRandom;

/** The few distributions the simulator draws subject and scanner parameters from. */
final class RandomDraws {
  private static final int MAX_REDRAWS = 100;

  private RandomDraws() {}

  /** Uniform on {@code [low, high)}. */
  static double uniform(SplittableRandom random, double low, double high) {
    return low + (high - low) * random.nextDouble();
  }

  /** Normal with {@code mean} and {@code sd}, redrawn until it falls in {@code [low, high]}. */
  static double truncatedNormal(
      SplittableRandom random, double mean, double sd, double low, double high) {
    for (int i = 0; i < MAX_REDRAWS; i++) {
      double x = mean + sd * random.nextGaussian();
      if (x >= low && x <= high) {
        return x;
      }
    }
    return Math.max(low, Math.min(high, mean));
  }

  /** Log-normal with median {@code median} and log-scale spread {@code sigma}. */
  static double logNormal(SplittableRandom random, double median, double sigma) {
    return median * Math.exp(sigma * random.nextGaussian());
  }

  /** {@code true} with probability {@code p}. */
  static boolean chance(SplittableRandom random, double p) {
    return random.nextDouble() < p;
  }
}
