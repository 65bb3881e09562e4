package echobench.reports.gate;

import echobench.reports.Condition;
import echobench.reports.metrics.Metric;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One gate rule (DESIGN §7): on every dataset matching a glob (and the task, when given), the
 * candidate may worsen the checked quantity by at most {@code maxWorsening} against the
 * baseline. Worsening is candidate − baseline for error metrics and for degradations, baseline −
 * candidate for score metrics.
 *
 * @param datasetGlob {@code *} matches any run of characters, {@code ?} any one character
 * @param condition the perturbation and severity, present exactly for a {@code condition} check
 * @param maxWorsening in the metric's units for clean and condition checks, a fraction for
 *     degradations
 * @param statistic the point worsening or an end of its paired-bootstrap interval
 * @param requireDefined whether an undefined value (an AUROC on one class) fails the rule; when
 *     false it is reported as not comparable
 */
public record GateRule(
    String name,
    Metric metric,
    String datasetGlob,
    Optional<String> task,
    GateCheck check,
    Optional<Condition> condition,
    double maxWorsening,
    GateStatistic statistic,
    boolean requireDefined) {

  /** @throws IllegalArgumentException for an inconsistent rule */
  public GateRule {
    if (name.isBlank()) {
      throw new IllegalArgumentException("the rule has no name");
    }
    if ((check == GateCheck.CONDITION) != condition.isPresent()) {
      throw new IllegalArgumentException(check == GateCheck.CONDITION
          ? "a condition check needs perturbation and severity"
          : "perturbation and severity belong to condition checks only");
    }
    if (condition.isPresent() && !condition.get().isPerturbed()) {
      throw new IllegalArgumentException("a condition check needs a perturbation at severity 1"
          + " or more (use check: clean for clean data)");
    }
    if (!(maxWorsening >= 0) || Double.isInfinite(maxWorsening)) {
      throw new IllegalArgumentException(
          "max_worsening must be a finite number ≥ 0, not " + maxWorsening);
    }
  }

  /** A rule on the point worsening that reports undefined values as not comparable. */
  public GateRule(String name, Metric metric, String datasetGlob, Optional<String> task,
      GateCheck check, Optional<Condition> condition, double maxWorsening) {
    this(name, metric, datasetGlob, task, check, condition, maxWorsening, GateStatistic.POINT,
        false);
  }

  /** Whether {@code dataset} matches the rule's glob. */
  public boolean matchesDataset(String dataset) {
    StringBuilder regex = new StringBuilder();
    for (char c : datasetGlob.toCharArray()) {
      switch (c) {
        case '*' -> regex.append(".*");
        case '?' -> regex.append('.');
        default -> regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return dataset.matches(regex.toString());
  }

  /** How much the candidate is worse than the baseline on the checked quantity. */
  public double worsening(double baseline, double candidate) {
    boolean higherIsWorse = check.isDegradation() || metric.isError();
    return higherIsWorse ? candidate - baseline : baseline - candidate;
  }
}
