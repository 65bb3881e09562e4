package echobench.reports.gate;

import java.util.Arrays;
import java.util.List;

/**
 * What a gate rule holds against its allowance: the point estimate of the worsening, or an end of
 * its paired-bootstrap interval (the same resampled videos for baseline and candidate).
 */
public enum GateStatistic {
  /** The worsening of the two runs' values: fails on sampling noise as readily as on a change. */
  POINT("point"),
  /**
   * The lower end of the worsening's interval: fails only when the candidate is worse than
   * allowed beyond sampling noise (a noise-tolerant gate).
   */
  CI_LOWER("ci_lower"),
  /**
   * The upper end of the worsening's interval: passes only when the data show the candidate is
   * within the allowance (non-inferiority; it fails a noisy comparison that proves nothing).
   */
  CI_UPPER("ci_upper");

  private final String id;

  GateStatistic(String id) {
    this.id = id;
  }

  /** The name in the rules file. */
  public String id() {
    return id;
  }

  /** Whether the rule needs the bootstrap interval (and so both runs' predictions). */
  public boolean needsInterval() {
    return this != POINT;
  }

  /** The statistic named {@code id}; the exception lists the known names. */
  public static GateStatistic parse(String id) {
    return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown statistic '" + id
            + "' (known: " + String.join(", ", ids()) + ")"));
  }

  /** Every statistic name. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(GateStatistic::id).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}
