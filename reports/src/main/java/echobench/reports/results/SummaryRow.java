package echobench.reports.results;

import echobench.reports.metrics.Metric;

/**
 * One row of {@code summary.csv}: a model's clean metric on a dataset and task and how much it
 * degrades under the perturbed conditions (fractions: 0.023 = 2.3 %).
 *
 * @param clean the metric on clean data
 * @param avgDegradation mean degradation over the perturbed conditions; NaN when there are none
 * @param worstDegradation the largest degradation; NaN when there are no perturbed conditions
 * @param worstCondition the label of the worst condition ({@code depth-exp@3}); "" when none
 * @param intervals the Avg. Deg. interval and effective robustness, {@link SummaryIntervals#NONE}
 *     when computed from {@code results.csv} alone
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
    SummaryIntervals intervals) {

  /** A row without intervals or effective robustness. */
  public SummaryRow(String model, String dataset, String task, Metric metric, double clean,
      double avgDegradation, double worstDegradation, String worstCondition) {
    this(model, dataset, task, metric, clean, avgDegradation, worstDegradation, worstCondition,
        SummaryIntervals.NONE);
  }

  /** This row with {@code intervals}. */
  public SummaryRow withIntervals(SummaryIntervals intervals) {
    return new SummaryRow(model, dataset, task, metric, clean, avgDegradation, worstDegradation,
        worstCondition, intervals);
  }
}
