package echobench.models.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinearProbeTest {
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /** y = 3 + 2·x1 − x2 on mean-pooled features: two tokens x ± e whose mean is x. */
  private static FeatureSet plane(int count, long seed) {
    Random random = new Random(seed);
    FeatureSet.Builder set = FeatureSet.builder(FeatureLayout.single(2, 2), ProbeTask.regression());
    for (int i = 0; i < count; i++) {
      float x1 = (float) random.nextGaussian();
      float x2 = (float) random.nextGaussian();
      float e = (float) random.nextGaussian();
      float[] tokens = {x1 + e, x2 - e, x1 - e, x2 + e};
      set.add(FeatureSample.of("s" + i, tokens, 3 + 2 * x1 - x2));
    }
    return set.build();
  }

  @Test
  void recoversAnExactLinearRuleOnPooledTokens(@TempDir Path dir) throws Exception {
    FeatureSet train = plane(64, 1);
    FeatureSet validation = plane(32, 2);
    ProbeTraining training = ProbeSets.training(60, 16, List.of(0.05), List.of(0.0));
    try (LinearProbe probe = LinearProbe.train(train, validation, training, manager)) {
      Predictions p = probe.predict(validation);
      for (int i = 0; i < validation.size(); i++) {
        assertThat(p.value(i)).isCloseTo(validation.sample(i).label(), within(0.05f));
      }
      probe.save(dir.resolve("linear"));
      try (Probe loaded = Probe.load(dir.resolve("linear"), manager)) {
        assertThat(loaded.predict(validation).outputs()).isDeepEqualTo(p.outputs());
      }
    }
  }

  /** Three well-separated clusters (centres 4+ apart, spread 0.5): no point is ambiguous. */
  @Test
  void separatesClassesWithCrossEntropy() {
    float[][] centres = {{3, 0}, {0, 3}, {-3, -3}};
    Random random = new Random(5);
    float[][] points = new float[90][];
    float[] labels = new float[90];
    for (int i = 0; i < points.length; i++) {
      int c = i % 3;
      points[i] =
          new float[] {
            centres[c][0] + 0.5f * (float) random.nextGaussian(),
            centres[c][1] + 0.5f * (float) random.nextGaussian()
          };
      labels[i] = c;
    }
    ProbeTask task = ProbeTask.classification(3);
    FeatureSet train =
        ProbeSets.points(task, Arrays.copyOf(points, 60), Arrays.copyOf(labels, 60));
    FeatureSet validation =
        ProbeSets.points(
            task,
            Arrays.copyOfRange(points, 60, 90),
            Arrays.copyOfRange(labels, 60, 90));
    ProbeTraining training = ProbeSets.training(30, 16, List.of(0.05), List.of(0.01));
    try (LinearProbe probe = LinearProbe.train(train, validation, training, manager)) {
      assertThat(probe.selection().metric()).isEqualTo(SelectionMetric.ACCURACY);
      assertThat(probe.predict(validation).accuracy(validation.labels())).isEqualTo(1.0);
    }
  }
}
