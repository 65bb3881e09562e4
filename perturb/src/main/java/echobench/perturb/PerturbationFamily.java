package echobench.perturb;

/**
 * A perturbation family provided by another module (for example one that needs native video
 * libraries, which this module must not depend on). Such a family is listed in its module's
 * {@code META-INF/services/echobench.perturb.PerturbationFamily} and appears in {@link
 * Perturbations} after the built-in families, in name order, exactly like them: by name, in {@code
 * perturb --list}, on the command line and in study configs.
 *
 * <p>Implementations need a public no-argument constructor ({@link java.util.ServiceLoader}).
 */
public interface PerturbationFamily {

  /** The family's registry entry. */
  PerturbationSpec spec();
}
