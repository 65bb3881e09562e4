package echobench.perturb;

import echobench.reports.io.InputException;
import java.util.Objects;
import java.util.function.IntFunction;

/**
 * A registry entry: a perturbation family's name, its severity range, what it models, how each
 * severity is parameterised, and how to build it.
 *
 * @param name the CLI name
 * @param maxSeverity the highest severity; 0 is always the identity
 * @param summary one line on the physics or the protocol it reproduces
 * @param parameters the parameters at a severity ≥ 1, for {@code perturb --list} and reports
 * @param factory builds the perturbation at a severity ≥ 1
 */
public record PerturbationSpec(
    String name,
    int maxSeverity,
    String summary,
    IntFunction<String> parameters,
    IntFunction<Perturbation> factory) {

  public PerturbationSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(factory, "factory");
    if (maxSeverity < 1) {
      throw new IllegalArgumentException(name + ": maximum severity must be at least 1");
    }
  }

  /**
   * This family at {@code severity}: the identity at 0.
   *
   * @throws InputException if the severity is outside {@code 0..maxSeverity}
   */
  public Perturbation at(int severity) {
    checkSeverity(severity);
    return severity == 0 ? new Identity(name) : factory.apply(severity);
  }

  /** The parameter description at {@code severity}. */
  public String parametersAt(int severity) {
    checkSeverity(severity);
    return severity == 0 ? "identity" : parameters.apply(severity);
  }

  private void checkSeverity(int severity) {
    if (severity < 0 || severity > maxSeverity) {
      throw new InputException(
          "severity " + severity + " is out of range for " + name + " (0.." + maxSeverity + ")");
    }
  }

  /** Severity 0 of any family: returns the input clip itself. */
  private record Identity(String name) implements Perturbation {
    @Override
    public int severity() {
      return 0;
    }

    @Override
    public Clip apply(Clip clip, ScanMask mask, long seed) {
      mask.requireMatches(clip);
      return clip;
    }
  }
}
