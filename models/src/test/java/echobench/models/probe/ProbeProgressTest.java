package echobench.models.probe;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A probe's training tells its listener every epoch with the best validation score so far, and
 * listening changes nothing the probe learns.
 */
class ProbeProgressTest {
  /** y = 1 + x1 − 2·x2 plus noise, on two tokens whose mean is (x1, x2). */
  private static FeatureSet noisyPlane(int count, long seed) {
    Random random = new Random(seed);
    FeatureSet.Builder set = FeatureSet.builder(FeatureLayout.single(2, 2), ProbeTask.regression());
    for (int i = 0; i < count; i++) {
      float x1 = (float) random.nextGaussian();
      float x2 = (float) random.nextGaussian();
      float e = (float) random.nextGaussian();
      float[] tokens = {x1 + e, x2 - e, x1 - e, x2 + e};
      set.add(FeatureSample.of("s" + i, tokens, 1 + x1 - 2 * x2
          + 0.3f * (float) random.nextGaussian()));
    }
    return set.build();
  }

  private record Epoch(int epoch, int epochs, SelectionMetric metric, double best) {}

  @Test
  void everyEpochIsReportedAndTheProbeIsTheSameAsWithoutListening() {
    FeatureSet train = noisyPlane(48, 1);
    FeatureSet validation = noisyPlane(24, 2);
    ProbeTraining training = ProbeSets.training(12, 16, List.of(0.05, 0.01), List.of(0.0));
    List<Epoch> heard = new ArrayList<>();
    try (NDManager manager = NDManager.newBaseManager();
        LinearProbe quiet = LinearProbe.train(train, validation, training, manager);
        LinearProbe listened = LinearProbe.train(train, validation, training, manager,
            (epoch, epochs, metric, best) -> heard.add(new Epoch(epoch, epochs, metric, best)))) {
      Predictions p = listened.predict(validation);

      assertThat(p.outputs()).isEqualTo(quiet.predict(validation).outputs());
      assertThat(heard).extracting(Epoch::epoch)
          .containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
      assertThat(heard).allSatisfy(e -> {
        assertThat(e.epochs()).isEqualTo(12);
        assertThat(e.metric()).isEqualTo(SelectionMetric.MAE);
      });
      // 12 epochs scored about 5 times: every ceil(12/5) = 3rd epoch, the last always
      List<Integer> scored = heard.stream().filter(e -> !Double.isNaN(e.best()))
          .map(Epoch::epoch).toList();
      assertThat(scored).containsExactly(3, 6, 9, 12);
      // the last report is the kept head's validation MAE, recomputed here from its predictions
      assertThat(heard.get(11).best()).isEqualTo(p.meanAbsoluteError(validation.labels()));
      // training on this learnable rule lowers the validation error
      assertThat(heard.get(11).best()).isLessThan(heard.get(2).best());
    }
  }
}
