package echobench.perturb;

import echobench.reports.io.InputException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
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

  /**
   * The suite families whose severity can be made continuous, by name: those whose effect is a
   * loss of contrast. Left out: {@code speckle-reduction} (smoothing raises the cavity–myocardium
   * CNR), {@code compression} (JPEG smooths speckle too; its CNR loss stays near zero), {@code
   * reverberation} (ghost echoes brighten cavity and wall alike: even twice the top severity's
   * echoes take away little more than 10 % of the CNR), {@code frame-drop} and {@code codec-h264}
   * (timing and the codec control, not a contrast change).
   */
  private static final Map<String, ContinuousSeverity> CONTINUOUS =
      Stream.of(
              AttenuationDb.CONTINUOUS,
              RibShadow.CONTINUOUS,
              Speckle.CONTINUOUS,
              Haze.CONTINUOUS,
              Gain.CONTINUOUS)
          .collect(Collectors.toMap(ContinuousSeverity::family, c -> c));

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

  /** The continuous severity of family {@code name}, if it has one. */
  public static Optional<ContinuousSeverity> continuous(String name) {
    return Optional.ofNullable(CONTINUOUS.get(name));
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

  /**
   * Parses {@code a} or {@code a+b+…} like {@link #parse(String, int)}, on {@code scale}: on the
   * calibrated scale each part that {@link SeverityTable#shipped()} calibrates takes its calibrated
   * strength at {@code severity}; every other part keeps its published parameters.
   */
  public static Perturbation parse(String expression, int severity, SeverityScale scale) {
    if (scale == SeverityScale.PUBLISHED || severity == 0) {
      return parse(expression, severity);
    }
    String[] names = expression.split("\\+", -1);
    List<Perturbation> parts = new ArrayList<>();
    for (String n : names) {
      String name = n.trim();
      PerturbationSpec spec = spec(name);
      OptionalDouble strength = severity <= spec.maxSeverity()
          ? SeverityTable.shipped().strength(name, severity) : OptionalDouble.empty();
      parts.add(strength.isPresent()
          ? continuous(name).orElseThrow().at(severity, strength.getAsDouble())
          : spec.at(severity));
    }
    return parts.size() == 1 ? parts.get(0) : new ComposedPerturbation(parts);
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
