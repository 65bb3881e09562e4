package echobench.perturb;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Several perturbations applied in the order written ({@code a+b} on the command line). Each part
 * gets its own seed derived from the composite's seed and its position and name.
 */
public final class ComposedPerturbation implements Perturbation {
  private final List<Perturbation> parts;

  public ComposedPerturbation(List<Perturbation> parts) {
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("a composition needs at least one perturbation");
    }
    this.parts = List.copyOf(parts);
  }

  /** The parts, in application order. */
  public List<Perturbation> parts() {
    return parts;
  }

  @Override
  public String name() {
    return parts.stream().map(Perturbation::name).collect(Collectors.joining("+"));
  }

  /** The highest severity among the parts. */
  @Override
  public int severity() {
    return parts.stream().mapToInt(Perturbation::severity).max().orElse(0);
  }

  @Override
  public Clip apply(Clip clip, ScanMask mask, long seed) {
    Clip out = clip;
    for (int i = 0; i < parts.size(); i++) {
      Perturbation part = parts.get(i);
      out = part.apply(out, mask, Seeds.derive(seed, Integer.toString(i), part.name()));
    }
    return out;
  }
}
