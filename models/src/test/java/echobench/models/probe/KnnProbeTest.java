package echobench.models.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDManager;
import echobench.models.probe.KnnProbe.Distance;
import echobench.models.probe.KnnProbe.Settings;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KnnProbeTest {
  // Training points, their classes and values. From the query (1, 0): Euclidean distances are
  // 0.5, 1.0, 2.0, 3.0, 1.5 and cosine distances 0, 0, 1 − 1/√5 = 0.553, 1 − 1/√10 = 0.684, 0.
  private static final float[][] POINTS = {{1.5f, 0}, {2, 0}, {1, 2}, {1, 3}, {2.5f, 0}};
  private static final float[] CLASSES = {0, 0, 1, 1, 1};
  private static final float[] VALUES = {10, 20, 30, 40, 50};
  private static final float[][] QUERY = {{1, 0}};

  @Test
  void euclideanNeighboursAreTheHandComputedOnes() {
    KnnProbe probe =
        KnnProbe.fit(
            ProbeSets.points(ProbeTask.classification(2), POINTS, CLASSES), new Settings(3, Distance.L2));
    assertThat(probe.neighbours(QUERY[0])).containsExactly(0, 1, 4);
    Predictions p = probe.predict(ProbeSets.points(ProbeTask.classification(2), QUERY, new float[] {0}));
    assertThat(p.outputs()[0]).containsExactly(2f / 3, 1f / 3);
    assertThat(p.predictedClass(0)).isZero();
  }

  @Test
  void cosineNeighboursIgnoreLength() {
    KnnProbe probe =
        KnnProbe.fit(
            ProbeSets.points(ProbeTask.classification(2), POINTS, CLASSES),
            new Settings(4, Distance.COSINE));
    // Three points lie on the query's ray (distance 0, ties kept in training order), then (1, 2).
    assertThat(probe.neighbours(QUERY[0])).containsExactly(0, 1, 4, 2);
    Predictions p = probe.predict(ProbeSets.points(ProbeTask.classification(2), QUERY, new float[] {1}));
    assertThat(p.outputs()[0]).containsExactly(0.5f, 0.5f);
  }

  @Test
  void regressionIsTheMeanOfTheNeighbourTargets(@TempDir Path dir) throws Exception {
    KnnProbe probe =
        KnnProbe.fit(ProbeSets.points(ProbeTask.regression(), POINTS, VALUES), new Settings(2, Distance.L2));
    FeatureSet query = ProbeSets.points(ProbeTask.regression(), QUERY, new float[] {0});
    assertThat(probe.predict(query).value(0)).isCloseTo(15f, within(1e-6f));

    probe.save(dir.resolve("knn"));
    try (NDManager manager = NDManager.newBaseManager();
        Probe loaded = Probe.load(dir.resolve("knn"), manager)) {
      assertThat(((KnnProbe) loaded).settings()).isEqualTo(probe.settings());
      assertThat(loaded.predict(query).outputs()).isDeepEqualTo(probe.predict(query).outputs());
    }
  }

  @Test
  void kCannotExceedTheTrainingSet() {
    FeatureSet train = ProbeSets.points(ProbeTask.regression(), POINTS, VALUES);
    assertThatThrownBy(() -> KnnProbe.fit(train, new Settings(6, Distance.L2)))
        .hasMessageContaining("exceeds the 5 training samples");
  }
}
