package echobench.perturb;

import echobench.reports.io.InputException;
import java.util.Objects;
import java.util.function.DoubleFunction;

/**
 * A suite family's severity made continuous, so that a level can be placed anywhere on the family's
 * own scale (the calibrated severity scale solves for it). Strength {@code s ≥ 0} moves every
 * parameter linearly between its published values: at a whole {@code s = k} the family is exactly
 * its published severity {@code k}; between two severities each parameter is interpolated; past the
 * top severity it continues along its last step, up to {@link #max}, where the family's physics
 * ends (a blocked fraction reaches 1, a weight or quality its bound).
 *
 * @param family the registry name
 * @param max the largest strength the family accepts
 * @param parameters the parameter description at a strength
 * @param factory builds the family at a strength, reporting itself as severity {@code level}
 */
public record ContinuousSeverity(
    String family, double max, DoubleFunction<String> parameters, Factory factory) {

  /** Builds a family's perturbation at a continuous strength. */
  @FunctionalInterface
  public interface Factory {
    /** The family at {@code strength}, reporting severity {@code level}. */
    Perturbation at(int level, double strength);
  }

  public ContinuousSeverity {
    Objects.requireNonNull(family, "family");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(factory, "factory");
    if (!(max > 0)) {
      throw new IllegalArgumentException(family + ": the largest strength must be positive");
    }
  }

  /**
   * The family at {@code strength}, reporting severity {@code level}.
   *
   * @throws InputException if the strength is outside {@code (0, max]}
   */
  public Perturbation at(int level, double strength) {
    check(strength);
    return factory.at(level, strength);
  }

  /** The parameter description at {@code strength}. */
  public String parametersAt(double strength) {
    check(strength);
    return parameters.apply(strength);
  }

  private void check(double strength) {
    if (!(strength > 0 && strength <= max)) {
      throw new InputException(
          "strength " + strength + " is out of range for " + family + " (0.." + max + "]");
    }
  }

  /**
   * A parameter at {@code strength}: {@code table[k]} exactly at a whole {@code k}, linear between
   * neighbours, and along the last step past the end of the table.
   *
   * @param table the parameter at severities {@code 0..n}
   */
  static double along(double[] table, double strength) {
    int last = table.length - 1;
    int k = (int) Math.floor(strength);
    if (k == strength && k <= last) {
      return table[k];
    }
    int low = Math.min(k, last - 1);
    return table[low] + (strength - low) * (table[low + 1] - table[low]);
  }
}
