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
 */
public record SummaryRow(
    String model,
    String dataset,
    String task,
    Metric metric,
    double clean,
    double avgDegradation,
    double worstDegradation,
    String worstCondition) {}
