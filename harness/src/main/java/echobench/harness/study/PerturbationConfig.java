package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.harness.MaskChoice;
import echobench.perturb.Perturbations;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * One row of the perturbation grid: a registry name or a composition {@code a+b}, at each listed
 * severity, on a scan mask. Severity 0 is the identity; it is evaluated like any other condition,
 * so its predictions must equal the clean ones.
 *
 * @param name the perturbation expression
 * @param severities the severities to evaluate, each within the perturbation's range
 * @param mask optional: {@code full}, {@code auto} or {@code sector}; when absent the study's
 *     {@code mask}, else the family's default ({@link MaskChoice#defaultFor})
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PerturbationConfig(
    @JsonProperty("name") String name, @JsonProperty("severities") List<Integer> severities,
    @JsonProperty("mask") String mask) {

  /** Checks the name against the registry, every severity against its range, and the mask. */
  public PerturbationConfig {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("perturbations: every entry needs a name");
    }
    if (severities == null || severities.isEmpty()) {
      throw new IllegalArgumentException("perturbation " + name + ": severities are required");
    }
    severities = List.copyOf(severities);
    int max = Perturbations.maxSeverity(name);
    for (int severity : severities) {
      if (severity < 0 || severity > max) {
        throw new IllegalArgumentException(
            "perturbation " + name + ": severity " + severity + " is outside 0.." + max);
      }
    }
    mask = checkedMask(name, mask);
  }

  /** An entry on the study's or the family's default mask. */
  public PerturbationConfig(String name, List<Integer> severities) {
    this(name, severities, null);
  }

  private static String checkedMask(String name, String mask) {
    if (mask == null) {
      return null;
    }
    String lower = mask.toLowerCase(Locale.ROOT);
    List<String> known = Arrays.stream(MaskChoice.values()).map(MaskChoice::toString).toList();
    if (!known.contains(lower)) {
      throw new IllegalArgumentException("perturbation " + name + ": 'mask' must be one of "
          + String.join(", ", known) + ", not " + mask);
    }
    return lower;
  }

  /** This entry with its mask resolved: its own, else {@code studyMask}, else the family's. */
  PerturbationConfig resolved(String studyMask) {
    String chosen = mask != null ? mask
        : studyMask != null ? studyMask.toLowerCase(Locale.ROOT)
        : MaskChoice.defaultFor(name).toString();
    return new PerturbationConfig(name, severities, chosen);
  }
}
