package echobench.reports.results;

/**
 * The paired-bootstrap figures of one {@code summary.csv} row beside its point estimates: the
 * interval of the Avg. Deg. and the model's effective robustness with its interval (NaN where not
 * computed: no per-video predictions, fewer than {@link
 * echobench.reports.robustness.EffectiveRobustness#MIN_MODELS} models, the baseline, a metric
 * without degradation).
 *
 * @param avgDegradationLow lower end of the Avg. Deg. interval, as a fraction
 * @param avgDegradationHigh upper end of the Avg. Deg. interval
 * @param effectiveRobustness perturbed value minus the effective-robustness line at the clean
 *     value, in the metric's units
 * @param effectiveRobustnessLow lower end of its interval
 * @param effectiveRobustnessHigh upper end of its interval
 */
public record SummaryIntervals(
    double avgDegradationLow,
    double avgDegradationHigh,
    double effectiveRobustness,
    double effectiveRobustnessLow,
    double effectiveRobustnessHigh) {
  /** No interval and no effective robustness. */
  public static final SummaryIntervals NONE =
      new SummaryIntervals(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
}
