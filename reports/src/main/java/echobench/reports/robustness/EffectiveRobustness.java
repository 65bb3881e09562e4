package echobench.reports.robustness;

/**
 * Effective robustness (Taori et al. 2020): across the models of a run, the least-squares line of
 * the perturbed value (the mean of a metric over the perturbed conditions) on the clean value.
 * A model's residual is how far its perturbed value lies from the line at its clean value; for
 * an error metric a negative residual means less perturbed error than models of its clean error
 * usually have, that is more robust than the trend.
 *
 * @param intercept the line's perturbed value at clean value 0
 * @param slope the line's change of perturbed value per unit of clean value
 */
public record EffectiveRobustness(double intercept, double slope) {
  /** The fewest models a line is drawn through in the report. */
  public static final int MIN_MODELS = 3;

  /**
   * The ordinary least-squares line through the points {@code (clean[i], perturbed[i])}; NaN
   * coefficients when fewer than two points or all clean values are equal.
   */
  public static EffectiveRobustness fit(double[] clean, double[] perturbed) {
    if (clean.length != perturbed.length) {
      throw new IllegalArgumentException(
          clean.length + " clean values but " + perturbed.length + " perturbed ones");
    }
    int n = clean.length;
    double meanX = 0;
    double meanY = 0;
    for (int i = 0; i < n; i++) {
      meanX += clean[i] / n;
      meanY += perturbed[i] / n;
    }
    double sxx = 0;
    double sxy = 0;
    for (int i = 0; i < n; i++) {
      sxx += (clean[i] - meanX) * (clean[i] - meanX);
      sxy += (clean[i] - meanX) * (perturbed[i] - meanY);
    }
    if (n < 2 || sxx == 0) {
      return new EffectiveRobustness(Double.NaN, Double.NaN);
    }
    double slope = sxy / sxx;
    return new EffectiveRobustness(meanY - slope * meanX, slope);
  }

  /** The perturbed value the line expects at {@code clean}. */
  public double expected(double clean) {
    return intercept + slope * clean;
  }

  /** {@code perturbed − expected(clean)}. */
  public double residual(double clean, double perturbed) {
    return perturbed - expected(clean);
  }
}
