package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.models.probe.FeatureSource;
import echobench.models.probe.KnnProbe;
import echobench.models.probe.Probe;

/**
 * A k-nearest-neighbour probe on mean-pooled tokens with cosine distance, as V-JEPA's k-NN
 * evaluation ({@code kind: knn}); nothing is trained, so it takes no grid.
 *
 * @param name its name in the tables (default knn)
 * @param k neighbours (default 20)
 */
public record KnnProbeSpec(String name, Integer k) implements ProbeSpec {
  /** Most neighbours. */
  public static final int MAX_K = 10_000;

  /** Checks the keys and fills the default. */
  public KnnProbeSpec {
    name = ProbeSpec.name(name, KnnProbeSpec.class);
    k = k == null ? 20 : k;
    ProbeSpec.atMost("k", k, MAX_K);
    settings(k);
  }

  /** Reads the entry; {@code kind} was matched by the registry and is listed to keep key order. */
  @JsonCreator
  KnnProbeSpec(@JsonProperty("kind") String kind, @JsonProperty("name") String name,
      @JsonProperty("k") Integer k) {
    this(name, k);
  }

  @Override
  public Probe fit(FeatureSource fit, FeatureSource val, long seed, NDManager manager,
      StudyProgress progress, String model) {
    return KnnProbe.fit(fit, settings(k));
  }

  private static KnnProbe.Settings settings(int k) {
    return new KnnProbe.Settings(k, KnnProbe.Distance.COSINE);
  }
}
