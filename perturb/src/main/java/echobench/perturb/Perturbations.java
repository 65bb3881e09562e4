package echobench.perturb;

import echobench.reports.io.InputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * The registry of every perturbation by name: one line per family, EchoJEPA presets first, then the
 * sector-aware ultrasound suite, then the families other modules provide as a {@link
 * PerturbationFamily} (in name order).
 */
public final class Perturbations {
  private static final List<PerturbationSpec> BUILT_IN =
      List.of(
          DepthExponential.SPEC,
          DepthLinear.SPEC,
          DepthPower.SPEC,
          GaussianShadow.SPEC,
          BandShadow.SPEC,
          AttenuationDb.SPEC,
          RibShadow.SPEC,
          Speckle.SPEC,
          SpeckleReduction.SPEC,
          Haze.SPEC,
          Gain.SPEC,
          Reverberation.SPEC,
          Compression.SPEC,
          FrameDrop.SPEC);

  private static final List<PerturbationSpec> ALL =
      Stream.concat(BUILT_IN.stream(), provided().stream()).toList();

  private static final Map<String, PerturbationSpec> BY_NAME = index(ALL);

  private Perturbations() {}

  /** Every registered family, in registry order. */
  public static List<PerturbationSpec> all() {
    return ALL;
  }

  /**
   * The family called {@code name}.
   *
   * @throws InputException naming the known families if there is none
   */
  public static PerturbationSpec spec(String name) {
    PerturbationSpec spec = BY_NAME.get(name);
    if (spec == null) {
      throw new InputException(
          "unknown perturbation '" + name + "' (known: " + String.join(", ", BY_NAME.keySet())
              + ")");
    }
    return spec;
  }

  /**
   * Parses {@code a} or a composition {@code a+b+…}, every part at {@code severity}.
   *
   * @throws InputException for an unknown name or a severity out of any part's range
   */
  public static Perturbation parse(String expression, int severity) {
    String[] names = expression.split("\\+", -1);
    if (names.length == 1) {
      return spec(names[0].trim()).at(severity);
    }
    List<Perturbation> parts = new ArrayList<>();
    for (String n : names) {
      parts.add(spec(n.trim()).at(severity));
    }
    return new ComposedPerturbation(parts);
  }

  /** The highest severity valid for every part of {@code expression}. */
  public static int maxSeverity(String expression) {
    int max = Integer.MAX_VALUE;
    for (String n : expression.split("\\+", -1)) {
      max = Math.min(max, spec(n.trim()).maxSeverity());
    }
    return max;
  }

  /** The families registered through {@link PerturbationFamily}, in name order. */
  private static List<PerturbationSpec> provided() {
    return ServiceLoader.load(PerturbationFamily.class, Perturbations.class.getClassLoader())
        .stream()
        .map(provider -> provider.get().spec())
        .sorted(Comparator.comparing(PerturbationSpec::name))
        .toList();
  }

  private static Map<String, PerturbationSpec> index(List<PerturbationSpec> specs) {
    Map<String, PerturbationSpec> map = new LinkedHashMap<>();
    for (PerturbationSpec s : specs) {
      if (map.put(s.name(), s) != null) {
        throw new IllegalStateException("perturbation registered twice: " + s.name());
      }
    }
    return map;
  }
}
