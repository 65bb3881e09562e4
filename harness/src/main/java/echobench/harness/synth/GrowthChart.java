package echobench.harness.synth;

import echobench.harness.synth.Demographics.Sex;

/**
 * Median height and weight of children by age and sex, rounded from the CDC and WHO growth charts,
 * interpolated linearly between the tabulated ages.
 */
final class GrowthChart {
  private static final double[] AGES = {0, 1, 2, 4, 6, 8, 10, 12, 14, 16, 18};
  private static final double[] BOY_HEIGHT = {50, 76, 88, 103, 116, 128, 139, 149, 164, 174, 177};
  private static final double[] GIRL_HEIGHT = {49, 74, 86, 102, 115, 127, 138, 151, 160, 163, 164};
  private static final double[] BOY_WEIGHT = {3.4, 10, 12.6, 16.5, 21, 26, 32, 40, 51, 62, 69};
  private static final double[] GIRL_WEIGHT = {3.3, 9.3, 12, 16, 20.5, 25.5, 32, 41, 50, 54, 57};

  private GrowthChart() {}

  /** Median height in cm at {@code ageYears} (0–18). */
  static double height(Sex sex, double ageYears) {
    return interpolate(sex == Sex.M ? BOY_HEIGHT : GIRL_HEIGHT, ageYears);
  }

  /** Median weight in kg at {@code ageYears} (0–18). */
  static double weight(Sex sex, double ageYears) {
    return interpolate(sex == Sex.M ? BOY_WEIGHT : GIRL_WEIGHT, ageYears);
  }

  private static double interpolate(double[] values, double age) {
    double a = Math.max(AGES[0], Math.min(AGES[AGES.length - 1], age));
    int i = 0;
    while (i < AGES.length - 2 && a > AGES[i + 1]) {
      i++;
    }
    double f = (a - AGES[i]) / (AGES[i + 1] - AGES[i]);
    return values[i] + f * (values[i + 1] - values[i]);
  }
}
