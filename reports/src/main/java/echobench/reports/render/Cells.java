package echobench.reports.render;

import echobench.reports.metrics.Metric;
import java.util.Locale;

/** Display text for report cells: metric values, intervals, percentages, p-values. */
public final class Cells {
  /** The text of a missing or undefined value. */
  public static final String MISSING = "–";

  private Cells() {}

  /** {@code value} with the metric's display decimals; a value that rounds to zero has no sign. */
  public static String value(Metric metric, double value) {
    if (Double.isNaN(value)) {
      return MISSING;
    }
    String text = String.format(Locale.ROOT, "%." + metric.displayDecimals() + "f", value);
    return text.matches("-0\\.?0*") ? text.substring(1) : text;
  }

  /** {@code value [low, high]}, or the value alone when there is no interval. */
  public static String withInterval(Metric metric, double value, double low, double high) {
    if (Double.isNaN(low) || Double.isNaN(high)) {
      return value(metric, value);
    }
    return value(metric, value) + " [" + value(metric, low) + ", " + value(metric, high) + "]";
  }

  /** A fraction as a signed percentage with one decimal: 0.0235 → {@code +2.3 %}. */
  public static String signedPercent(double fraction) {
    return Double.isNaN(fraction)
        ? MISSING
        : String.format(Locale.ROOT, "%+.1f %%", 100 * fraction);
  }

  /** A fraction as a percentage with no sign: 0.863 → {@code 86 %}. */
  public static String percent(double fraction) {
    return Double.isNaN(fraction) ? MISSING : String.format(Locale.ROOT, "%.0f %%", 100 * fraction);
  }

  /** A p-value with three decimals, or {@code < 0.001}. */
  public static String pValue(double p) {
    if (Double.isNaN(p)) {
      return MISSING;
    }
    return p < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", p);
  }
}
