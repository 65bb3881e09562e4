package echobench.reports.stats;

/** A point estimate with the ends of its confidence interval (NaN ends when none is defined). */
public record ConfidenceInterval(double estimate, double low, double high) {
  /** Whether {@code value} lies within the interval, ends included. */
  public boolean contains(double value) {
    return value >= low && value <= high;
  }
}
