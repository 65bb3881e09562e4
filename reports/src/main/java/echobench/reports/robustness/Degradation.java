package echobench.reports.robustness;

import echobench.reports.metrics.Metric;

/**
 * Degradation and relative robustness exactly as DESIGN §6, as fractions (0.023 = 2.3 %).
 *
 * <p>A condition's degradation is {@code (err_p − err_clean)/err_clean} for an error metric and
 * {@code (score_clean − score_p)/score_clean} for a score, so a positive value is always a loss.
 * Relative robustness of A against B is {@code 1 − AvgDeg_A / AvgDeg_B}: 0.86 reads "A is 86 % less
 * sensitive than B".
 */
public final class Degradation {
  private Degradation() {}

  /**
   * The degradation of {@code perturbed} relative to {@code clean} for {@code metric}; NaN when it
   * is undefined: a clean value of 0 (nothing to be relative to), or a metric without degradation
   * (the category flip rate, 0 on clean by definition).
   */
  public static double of(Metric metric, double clean, double perturbed) {
    if (clean == 0 || !metric.hasDegradation()) {
      return Double.NaN;
    }
    double loss = metric.isError() ? perturbed - clean : clean - perturbed;
    return loss / clean;
  }

  /** {@code 1 − avgDegradationA / avgDegradationB}; NaN when B does not degrade. */
  public static double relativeRobustness(double avgDegradationA, double avgDegradationB) {
    return avgDegradationB == 0 ? Double.NaN : 1 - avgDegradationA / avgDegradationB;
  }
}
