package echobench.perturb;

/** A perturbation request that cannot be honoured: an unknown name or a severity out of range. */
public class PerturbationException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public PerturbationException(String message) {
    super(message);
  }
}
