package echobench.reports.results;

import echobench.reports.metrics.Metric;

/**
 * One row of {@code summary.csv}: a model's clean metric on a dataset and task and how much it
 * degrades under the perturbed conditions (fractions: 0.023 = 2.3 %), and its clean metric against
 * the reference baseline's.
 *
 * @param clean the metric on clean data
 * @param avgDegradation mean degradation over the perturbed conditions; NaN when there are none
 * @param worstDegradation the largest degradation; NaN when there are no perturbed conditions
 * @param worstCondition the label of the worst condition ({@code depth-exp@3}); "" when none
 * @param intervals the Avg. Deg. interval and effective robustness, {@link SummaryIntervals#NONE}
 *     when computed from {@code results.csv} alone
 * @param vsBaseline the clean value against the reference baseline's, {@link
 *     BaselineDifference#NONE} for the baseline itself and where there is none
 */
public record SummaryRow(
    String model,
    String dataset,
    String task,
    Metric metric,
    double clean,
    double avgDegradation,
    double worstDegradation,
    String worstCondition,
    SummaryIntervals intervals,
    BaselineDifference vsBaseline) {

  /** A row without intervals, effective robustness or comparison with the baseline. */
  public SummaryRow(String model, String dataset, String task, Metric metric, double clean,
      double avgDegradation, double worstDegradation, String worstCondition) {
    this(model, dataset, task, metric, clean, avgDegradation, worstDegradation, worstCondition,
        SummaryIntervals.NONE);
  }

  /** A row without comparison with the baseline. */
  public SummaryRow(String model, String dataset, String task, Metric metric, double clean,
      double avgDegradation, double worstDegradation, String worstCondition,
      SummaryIntervals intervals) {
    this(model, dataset, task, metric, clean, avgDegradation, worstDegradation, worstCondition,
        intervals, BaselineDifference.NONE);
  }

  /** This row with {@code intervals}. */
  public SummaryRow withIntervals(SummaryIntervals intervals) {
    return new SummaryRow(model, dataset, task, metric, clean, avgDegradation, worstDegradation,
        worstCondition, intervals, vsBaseline);
  }

  /** This row with {@code vsBaseline}. */
  public SummaryRow withBaselineDifference(BaselineDifference vsBaseline) {
    return new SummaryRow(model, dataset, task, metric, clean, avgDegradation, worstDegradation,
        worstCondition, intervals, vsBaseline);
  }
}
