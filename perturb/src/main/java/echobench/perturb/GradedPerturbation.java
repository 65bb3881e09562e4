package echobench.perturb;

/**
 * Base of the registered perturbation families: holds the family's name and the severity an
 * instance applies, so a family class holds only its parameters and its physics.
 */
public abstract class GradedPerturbation implements Perturbation {
  private final String name;
  private final int severity;

  protected GradedPerturbation(String name, int severity) {
    this.name = name;
    this.severity = severity;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int severity() {
    return severity;
  }
}
