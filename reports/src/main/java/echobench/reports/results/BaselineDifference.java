package echobench.reports.results;

/**
 * A model's clean metric against the run's reference baseline ({@code baseline:train-mean} or
 * {@code baseline:majority-class}) on the same dataset, task and metric: the model's clean value
 * minus the baseline's, with the paired-bootstrap interval of that difference (both resampled with
 * the same videos, or patients). For an error metric a negative difference is a lower error than
 * the baseline's; the model beats the baseline significantly when the interval excludes 0.
 *
 * @param difference the model's clean value minus the baseline's; NaN when not computed (the
 *     baseline's own row, a run without a baseline, a metric without degradation)
 * @param low lower end of its interval; NaN without per-video predictions
 * @param high upper end of its interval
 */
public record BaselineDifference(double difference, double low, double high) {
  /** Not computed. */
  public static final BaselineDifference NONE =
      new BaselineDifference(Double.NaN, Double.NaN, Double.NaN);
}
