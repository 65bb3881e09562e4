package echobench.reports.robustness;

import echobench.reports.metrics.Metric;

/**
 * Whether a model beats the predict-the-training-mean baseline by a useful margin. A model whose
 * clean error is within {@value #MARGIN_PERCENT} % of the baseline's has learned little from the
 * video, so a small degradation says nothing: {@value #WARNING}.
 *
 * <p>Only error metrics are checked: a score such as R² is about 0 for the baseline, where a
 * relative margin means nothing.
 */
public final class BaselineCheck {
  /** The margin, as a percentage of the baseline's clean error. */
  public static final int MARGIN_PERCENT = 10;

  /** What the report says about a flagged model. */
  public static final String WARNING = "its degradation figures are no evidence of robustness";

  private BaselineCheck() {}

  /**
   * Whether {@code modelClean} is an error within the margin of (or worse than) {@code
   * baselineClean}: {@code modelClean ≥ 0.9 · baselineClean}.
   */
  public static boolean nearBaseline(Metric metric, double modelClean, double baselineClean) {
    return metric.isError()
        && modelClean >= (1 - MARGIN_PERCENT / 100.0) * baselineClean;
  }
}
