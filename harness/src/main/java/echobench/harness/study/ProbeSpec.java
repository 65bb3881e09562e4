package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.databind.annotation.JsonTypeIdResolver;
import echobench.models.probe.FeatureSource;
import echobench.models.probe.Probe;
import java.util.Optional;

/**
 * One probe trained on every encoder's frozen features: the entry under {@code probes:}, whose
 * {@code kind} selects the class registered for it in {@link ProbeKinds}. Each kind holds its own
 * keys and defaults (absent keys take EchoJEPA's protocol) and knows how it is fitted; a fitted
 * probe is saved and loaded by {@link Probe} whatever its kind.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "kind")
@JsonTypeIdResolver(ProbeKinds.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public interface ProbeSpec {

  /** The kind's registered name, the {@code kind} key of the entry. */
  @JsonProperty("kind")
  default String kind() {
    return ProbeKinds.REGISTRY.nameOf(getClass());
  }

  /** Its name in the tables (default the kind). */
  String name();

  /** Why the probe cannot read tokens {@code width} wide, if it cannot. */
  default Optional<String> misfit(int width) {
    return Optional.empty();
  }

  /** The mini-batch one training step holds, for the {@link MemoryPreflight}. */
  default MemoryPreflight.ProbeShape batchShape() {
    return MemoryPreflight.ProbeShape.ONE_ROW;
  }

  /**
   * Fits the probe on {@code fit}, selecting any grid on {@code val}.
   *
   * @param seed the probe's training seed
   * @param manager where its parameters live
   * @param progress shows the epochs of {@code model}, the {@code <encoder>/<probe>} name
   */
  Probe fit(FeatureSource fit, FeatureSource val, long seed, NDManager manager,
      StudyProgress progress, String model);

  /** {@code name} checked, or {@code kind} when absent. */
  static String name(String name, Class<? extends ProbeSpec> kind) {
    String named = name == null ? ProbeKinds.REGISTRY.nameOf(kind) : name;
    if (named.isBlank() || named.contains("/") || named.contains(",")) {
      throw new IllegalArgumentException("probe name must be non-empty without '/' or ','");
    }
    return named;
  }

  /** Refuses {@code value} above {@code max}. */
  static void atMost(String key, int value, int max) {
    if (value > max) {
      throw new IllegalArgumentException("probe " + key + " must be at most " + max + ", not "
          + value);
    }
  }
}
