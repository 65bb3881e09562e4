package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import echobench.reports.io.StrictYaml;
import echobench.models.probe.FeatureLayout;
import echobench.models.probe.FeatureSample;
import echobench.models.probe.FeatureSet;
import echobench.models.probe.Predictions;
import echobench.models.probe.Probe;
import echobench.models.probe.ProbeTask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered probe kind, read from a {@code kind:} entry through the registry, defaults its
 * name to its kind, fits a tiny feature set of three well-separated classes so that it classifies
 * every held-out sample correctly, and is saved and loaded back with identical outputs.
 */
class ProbeKindContractTest {
  /** Quick settings per kind (the defaults train EchoJEPA's 20-epoch grid). */
  private static final Map<String, String> QUICK = Map.of(
      "attentive", "epochs: 40, batch: 8, lr: [0.01], wd: [0.0], depth: 1, heads: 2",
      "linear", "epochs: 40, batch: 8, lr: [0.05], wd: [0.0]",
      "knn", "k: 3");

  private static final int DIM = 4;

  @TempDir Path dir;

  static Stream<String> kinds() {
    return ProbeKinds.REGISTRY.names().stream();
  }

  @Test
  void everyRegisteredKindHasQuickSettings() {
    assertThat(QUICK.keySet()).containsExactlyInAnyOrderElementsOf(ProbeKinds.REGISTRY.names());
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aBareEntryTakesTheKindAsItsName(String kind) throws IOException {
    ProbeSpec spec = StrictYaml.read(
        Files.writeString(dir.resolve("bare.yaml"), "kind: " + kind + "\n"), ProbeSpec.class);
    assertThat(spec.kind()).isEqualTo(kind);
    assertThat(spec.name()).isEqualTo(kind);
    String written = StrictYaml.mapper().writeValueAsString(spec);
    assertThat(StrictYaml.read(Files.writeString(dir.resolve("written.yaml"), written),
        ProbeSpec.class)).isEqualTo(spec);
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void aTinyFeatureSetIsFittedThroughTheRegistry(String kind) throws IOException {
    ProbeSpec spec = StrictYaml.read(Files.writeString(dir.resolve("probe.yaml"),
        "kind: " + kind + "\nname: quick\n" + QUICK.get(kind).replace(", ", "\n") + "\n"),
        ProbeSpec.class);
    assertThat(spec.getClass()).isIn(ProbeKinds.REGISTRY.types());
    assertThat(spec.name()).isEqualTo("quick");
    FeatureSet train = clusters(30, 1);
    FeatureSet val = clusters(15, 2);
    try (NDManager manager = NDManager.newBaseManager();
        Probe probe = spec.fit(train, val, 7, manager, new StudyProgress(false), "tiny/quick")) {
      Predictions predicted = probe.predict(val);
      for (int i = 0; i < val.size(); i++) {
        assertThat(predicted.predictedClass(i)).as("%s sample %d", kind, i)
            .isEqualTo((int) val.label(i));
      }
      probe.save(dir.resolve("saved"));
      try (Probe loaded = Probe.load(dir.resolve("saved"), manager)) {
        assertThat(loaded.predict(val).outputs()).isDeepEqualTo(predicted.outputs());
      }
    }
  }

  @ParameterizedTest
  @MethodSource("kinds")
  void onlyTheAttentiveProbeConstrainsTheTokenWidth(String kind) throws IOException {
    ProbeSpec spec = StrictYaml.read(
        Files.writeString(dir.resolve("heads.yaml"), "kind: " + kind + "\n"), ProbeSpec.class);
    // The attentive default has 16 heads: 64 divides into them, 72 does not.
    assertThat(spec.misfit(64)).isEmpty();
    assertThat(spec.misfit(72).isPresent()).isEqualTo(kind.equals("attentive"));
  }

  /**
   * {@code count} samples of classes 0, 1, 2 in turn, centred 6 apart on the first three axes
   * with spread 0.3; each sample is two tokens x ± e whose mean is its point.
   */
  private static FeatureSet clusters(int count, long seed) {
    Random random = new Random(seed);
    FeatureSet.Builder set =
        FeatureSet.builder(FeatureLayout.single(2, DIM), ProbeTask.classification(3));
    for (int i = 0; i < count; i++) {
      int label = i % 3;
      float[] tokens = new float[2 * DIM];
      for (int d = 0; d < DIM; d++) {
        float x = (d == label ? 6f : 0f) + 0.3f * (float) random.nextGaussian();
        float e = (float) random.nextGaussian();
        tokens[d] = x + e;
        tokens[DIM + d] = x - e;
      }
      set.add(FeatureSample.of("s" + i, tokens, label));
    }
    return set.build();
  }
}
