package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.perturb.Perturbations;
import java.util.List;

/**
 * One row of the perturbation grid: a registry name or a composition {@code a+b}, at each listed
 * severity. Severity 0 is the identity; it is evaluated like any other condition, so its predictions
 * must equal the clean ones.
 *
 * @param name the perturbation expression
 * @param severities the severities to evaluate, each within the perturbation's range
 */
public record PerturbationConfig(
    @JsonProperty("name") String name, @JsonProperty("severities") List<Integer> severities) {

  /** Checks the name against the registry and every severity against its range. */
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
  }
}
