package echobench.models.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import echobench.models.nn.GarbageCollection;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProbeGridTest {
  private static final double FROZEN_LR = 1e-7;
  private static final double LEARNING_LR = 0.05;

  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  /** One-dimensional features with target 10·x + 50, or a constant target when {@code flat}. */
  private static FeatureSet line(int count, long seed, boolean flat) {
    Random random = new Random(seed);
    float[][] points = new float[count][];
    float[] labels = new float[count];
    for (int i = 0; i < count; i++) {
      float x = (float) random.nextGaussian();
      points[i] = new float[] {x};
      labels[i] = flat ? 50 : 10 * x + 50;
    }
    return ProbeSets.points(ProbeTask.regression(), points, labels);
  }

  private GridSelection select(FeatureSet validation) {
    ProbeTraining training =
        ProbeSets.training(40, 16, List.of(FROZEN_LR, LEARNING_LR), List.of(0.0, 0.1));
    try (LinearProbe probe = LinearProbe.train(line(64, 1, false), validation, training, manager)) {
      GridSelection selection = probe.selection();
      assertThat(probe.predict(validation).meanAbsoluteError(validation.labels()))
          .isCloseTo(selection.best().validation(), within(1e-5));
      return selection;
    }
  }

  @Test
  void keepsTheHeadWithTheLowestValidationError() {
    GridSelection selection = select(line(32, 2, false));
    assertThat(selection.heads()).extracting(h -> h.point().learningRate())
        .containsExactly(FROZEN_LR, FROZEN_LR, LEARNING_LR, LEARNING_LR);
    assertThat(selection.best().point().learningRate()).isEqualTo(LEARNING_LR);
    for (HeadScore head : selection.heads()) {
      assertThat(selection.best().validation()).isLessThanOrEqualTo(head.validation());
    }
  }

  @Test
  void followsTheValidationSplitEvenWhereATestSplitWouldDisagree() {
    // A validation split whose targets are all the training mean favours the head that never
    // moved from predicting the mean; on held-out data like the training set, the learning head
    // is far better. Selection must follow validation: the trainer never sees other data.
    GridSelection selection = select(line(32, 2, true));
    assertThat(selection.best().point().learningRate()).isEqualTo(FROZEN_LR);
  }

  @Test
  void firstOfEqualHeadsWinsAndAccuracyIsMaximised() {
    List<HeadScore> heads =
        List.of(
            new HeadScore(new GridPoint(1e-4, 0.01), 0.8, 0),
            new HeadScore(new GridPoint(1e-4, 0.1), 0.9, 0),
            new HeadScore(new GridPoint(5e-5, 0.01), 0.9, 0));
    assertThat(GridSelection.best(SelectionMetric.ACCURACY, heads).selected()).isEqualTo(1);
    assertThat(GridSelection.best(SelectionMetric.MAE, heads).selected()).isZero();
  }

  @Test
  void echoJepaGridIsLearningRateOuterWeightDecayInner() {
    assertThat(ProbeTraining.echoJepa(8, 0).grid())
        .containsExactly(
            new GridPoint(1e-4, 0.01), new GridPoint(1e-4, 0.1), new GridPoint(1e-4, 0.4),
            new GridPoint(5e-5, 0.01), new GridPoint(5e-5, 0.1), new GridPoint(5e-5, 0.4));
  }

  @Test
  void huberAndCrossEntropyHaveTheirTextbookValues() {
    NDArray predictions = manager.create(new float[] {0.5f, 3f, -2f, 0f}, new Shape(4, 1));
    NDArray targets = manager.zeros(new Shape(4, 1));
    // 0.5·0.5², 3 − 0.5, 2 − 0.5, 0
    float huber = ProbeTrainer.loss(ProbeTask.regression(), predictions, targets).getFloat();
    assertThat(huber).isCloseTo((0.125f + 2.5f + 1.5f) / 4, within(1e-6f));

    NDArray logits = manager.zeros(new Shape(2, 4));
    NDArray oneHot = manager.create(new float[] {1, 0, 0, 0, 0, 0, 1, 0}, new Shape(2, 4));
    float uniform = ProbeTrainer.loss(ProbeTask.classification(4), logits, oneHot).getFloat();
    assertThat(uniform).isCloseTo((float) Math.log(4), within(1e-6f));
  }

  @Test
  void huberGradientIsClippedAtOne() {
    NDArray predictions = manager.create(new float[] {0.5f, 3f}, new Shape(2, 1));
    predictions.setRequiresGradient(true);
    try (var collector = Engine.getInstance().newGradientCollector()) {
      NDArray loss =
          ProbeTrainer.loss(ProbeTask.regression(), predictions, manager.zeros(new Shape(2, 1)));
      GarbageCollection.collectNow(); // the gradient must not depend on when the collector runs
      collector.backward(loss);
    }
    // d/dp of mean(huber): (0.5 / 2, 1 / 2)
    assertThat(predictions.getGradient().toFloatArray()).containsExactly(0.25f, 0.5f);
  }
}
