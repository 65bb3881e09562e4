package echobench.reports.results;

import echobench.reports.Condition;
import echobench.reports.metrics.Metric;

/**
 * One row of {@code results.csv}: a metric of a model on a dataset and task under one condition,
 * with its bootstrap confidence interval and the number of videos.
 *
 * @param value the metric; NaN where it is undefined on these data
 * @param ciLow lower end of the confidence interval; NaN when none was computed
 * @param ciHigh upper end of the confidence interval; NaN when none was computed
 * @param n number of videos; 0 when not recorded (a table typed in from a paper)
 */
public record Result(
    String model,
    String dataset,
    String task,
    Condition condition,
    Metric metric,
    double value,
    double ciLow,
    double ciHigh,
    int n) {

  /** A row without interval or video count, as typed in from a published table. */
  public static Result of(
      String model, String dataset, String task, Condition condition, Metric metric,
      double value) {
    return new Result(model, dataset, task, condition, metric, value, Double.NaN, Double.NaN, 0);
  }
}
