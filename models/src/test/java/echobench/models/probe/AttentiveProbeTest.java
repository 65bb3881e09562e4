package echobench.models.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import echobench.models.checkpoint.SafeTensors;
import echobench.reports.io.InputException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AttentiveProbeTest {
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  @Test
  void learnsEjectionFractionSpreadAcrossTokens(@TempDir Path dir) throws Exception {
    SyntheticEf task = new SyntheticEf(3);
    FeatureSet train = task.videos(128, 2, 1);
    FeatureSet validation = task.videos(64, 2, 2);
    ProbeTraining training = ProbeSets.training(15, 32, List.of(3e-3, 1e-2), List.of(0.01));
    long start = System.nanoTime();
    try (AttentiveProbe probe =
        AttentiveProbe.train(
            train, validation, new AttentiveProbeConfig(2, 4, 2.0), training, manager)) {
      double seconds = (System.nanoTime() - start) / 1e9;
      float[] targets = validation.labels();
      double probeMae = probe.predict(validation).meanAbsoluteError(targets);
      double meanMae = ProbeSets.constantMae(targets, ProbeSets.mean(train.labels()));
      System.out.printf(
          "attentive probe: val MAE %.2f vs train-mean %.2f (%.0f %% lower), %.1f s, heads %s%n",
          probeMae, meanMae, 100 * (1 - probeMae / meanMae), seconds, probe.selection().heads());
      assertThat(probeMae).isLessThanOrEqualTo(0.7 * meanMae);
      assertThat(probe.selection().best().validation()).isCloseTo(probeMae, within(1e-4));

      probe.save(dir.resolve("probe"));
      try (Probe loaded = Probe.load(dir.resolve("probe"), manager)) {
        assertThat(loaded).isInstanceOf(AttentiveProbe.class);
        assertThat(loaded.predict(validation).outputs())
            .isDeepEqualTo(probe.predict(validation).outputs());
      }
    }
  }

  /** The same videos keeping only clip {@code clip}. */
  private static FeatureSet onlyClip(FeatureSet videos, int clip) {
    FeatureLayout layout = videos.layout();
    FeatureSet.Builder set =
        FeatureSet.builder(FeatureLayout.single(layout.tokens(), layout.dim()), videos.task());
    for (FeatureSample sample : videos.samples()) {
      int from = layout.offset(0, clip);
      float[] tokens = Arrays.copyOfRange(sample.tokens(), from, from + layout.clipFloats());
      set.add(FeatureSample.of(sample.id(), tokens, sample.label()));
    }
    return set.build();
  }

  private AttentiveProbe quickProbe(FeatureSet train, FeatureSet validation) {
    ProbeTraining training = ProbeSets.training(1, 32, List.of(1e-3), List.of(0.01));
    return AttentiveProbe.train(
        train, validation, new AttentiveProbeConfig(2, 4, 2.0), training, manager);
  }

  @Test
  void aVideosPredictionIsTheMeanOverItsClips() {
    SyntheticEf task = new SyntheticEf(5);
    FeatureSet videos = task.videos(8, 2, 6);
    try (AttentiveProbe probe = quickProbe(task.videos(32, 2, 7), videos)) {
      Predictions both = probe.predict(videos);
      Predictions first = probe.predict(onlyClip(videos, 0));
      Predictions second = probe.predict(onlyClip(videos, 1));
      for (int i = 0; i < videos.size(); i++) {
        assertThat(first.value(i)).isNotEqualTo(second.value(i));
        assertThat(both.value(i)).isCloseTo((first.value(i) + second.value(i)) / 2, within(1e-3f));
      }
    }
  }

  @Test
  void weightsLackingAKeyFailNamingTheFileAndTheKey(@TempDir Path dir) throws Exception {
    SyntheticEf task = new SyntheticEf(5);
    Path saved = dir.resolve("probe");
    try (AttentiveProbe probe = quickProbe(task.videos(32, 1, 7), task.videos(8, 1, 8))) {
      probe.save(saved);
    }
    Path weights = saved.resolve("weights.safetensors");
    try (NDManager reading = manager.newSubManager()) {
      Map<String, NDArray> arrays = new LinkedHashMap<>(SafeTensors.read(weights, reading));
      arrays.remove("regressor.bias");
      SafeTensors.write(weights, arrays);
    }
    assertThatThrownBy(() -> Probe.load(saved, manager))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(weights.toString())
        .hasMessageContaining("missing [regressor.bias]");
    assertThatThrownBy(() -> LinearProbe.load(saved, manager))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("a ATTENTIVE probe, not LINEAR");
  }
}
