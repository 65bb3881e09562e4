package echobench.reports;

import java.util.Comparator;

/**
 * One evaluation condition: a perturbation (or a composition {@code a+b}) at a severity. The clean
 * condition is {@code none} at severity 0; a perturbation at severity 0 is the identity and does
 * not count as perturbed.
 */
public record Condition(String perturbation, int severity) implements Comparable<Condition> {
  /** The name of the clean condition's perturbation. */
  public static final String NONE = "none";

  /** The unperturbed data. */
  public static final Condition CLEAN = new Condition(NONE, 0);

  private static final Comparator<Condition> ORDER =
      Comparator.comparing((Condition c) -> !c.isClean())
          .thenComparing(Condition::perturbation)
          .thenComparingInt(Condition::severity);

  /**
   * @throws IllegalArgumentException for a blank perturbation, a negative severity, or {@code none}
   *     at a severity other than 0
   */
  public Condition {
    if (perturbation == null || perturbation.isBlank()) {
      throw new IllegalArgumentException("perturbation name is empty");
    }
    if (severity < 0) {
      throw new IllegalArgumentException("severity " + severity + " is negative");
    }
    if (perturbation.equals(NONE) && severity != 0) {
      throw new IllegalArgumentException("perturbation 'none' has severity 0, not " + severity);
    }
  }

  /** Whether this is the unperturbed data. */
  public boolean isClean() {
    return perturbation.equals(NONE);
  }

  /** Whether the data is actually changed: a named perturbation at a severity above 0. */
  public boolean isPerturbed() {
    return !isClean() && severity > 0;
  }

  /** {@code clean}, or {@code name@severity} as in {@code depth-exp@3}. */
  public String label() {
    return isClean() ? "clean" : perturbation + "@" + severity;
  }

  /** Clean first, then by perturbation name and severity. */
  @Override
  public int compareTo(Condition other) {
    return ORDER.compare(this, other);
  }

  @Override
  public String toString() {
    return label();
  }
}
