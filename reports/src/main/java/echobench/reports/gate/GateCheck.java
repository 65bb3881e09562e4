package echobench.reports.gate;

import java.util.Arrays;
import java.util.List;

/** What a gate rule compares between the baseline and the candidate. */
public enum GateCheck {
  /** The metric on clean data, in the metric's units. */
  CLEAN("clean"),
  /** The Avg. Deg. of the metric, as a fraction. */
  AVG_DEGRADATION("avg_degradation"),
  /** The worst degradation of the metric over the perturbed conditions, as a fraction. */
  WORST_DEGRADATION("worst_degradation"),
  /** The metric under one perturbation and severity, in the metric's units. */
  CONDITION("condition");

  private final String id;

  GateCheck(String id) {
    this.id = id;
  }

  /** The name in the rules file. */
  public String id() {
    return id;
  }

  /** Whether the compared quantity is a degradation (worse is always higher). */
  public boolean isDegradation() {
    return this == AVG_DEGRADATION || this == WORST_DEGRADATION;
  }

  /** The check named {@code id}; the exception lists the known names. */
  public static GateCheck parse(String id) {
    return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown check '" + id + "' (known: "
            + String.join(", ", ids()) + ")"));
  }

  /** Every check name. */
  public static List<String> ids() {
    return Arrays.stream(values()).map(GateCheck::id).toList();
  }

  @Override
  public String toString() {
    return id;
  }
}
