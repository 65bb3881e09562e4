package echobench.models.probe;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import echobench.models.nn.AdamW;
import echobench.models.nn.LrSchedule;
import echobench.models.nn.ParameterFactory;
import echobench.models.nn.Scalars;
import echobench.models.nn.StepScope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

/**
 * Trains the {@code lr × wd} grid of probe heads together, as EchoJEPA does: every head sees the
 * same seeded mini-batches (and the same view dropout), has its own AdamW and per-step cosine
 * schedule, and minimises Huber loss (SmoothL1, β = 1) on z-scored targets or cross-entropy on
 * classes. The heads' losses are summed so one backward pass serves them all; their parameters are
 * disjoint, so each receives exactly its own gradient.
 *
 * <p>After the last epoch every head predicts the validation split and the best one is kept; the
 * others are freed. Only the training and validation splits are ever passed in.
 */
final class ProbeTrainer {
  /** Validation scores a progress listener gets per training (the last epoch's included). */
  static final int PROGRESS_SCORES = 5;

  private ProbeTrainer() {}

  /** The kept head and the grid's validation scores. */
  record Outcome<H extends ProbeHead>(H head, GridSelection selection) {}

  static <H extends ProbeHead> Outcome<H> train(
      Function<ParameterFactory, H> newHead,
      ProbeRows train,
      ProbeRows validation,
      TargetScaler scaler,
      ProbeTraining training,
      NDManager manager,
      ProbeProgress progress) {
    ProbeTask task = train.features().task();
    List<GridPoint> grid = training.grid();
    Random seeds = new Random(training.seed());
    List<H> heads = new ArrayList<>();
    List<AdamW> optimisers = new ArrayList<>();
    List<NDArray> longLived = new ArrayList<>();
    for (GridPoint point : grid) {
      H head = newHead.apply(new ParameterFactory(manager.newSubManager(), seeds.nextLong()));
      AdamW optimiser = new AdamW(head.parameters(), point.weightDecay());
      heads.add(head);
      optimisers.add(optimiser);
      longLived.addAll(head.parameterArrays());
      longLived.addAll(optimiser.stateArrays());
    }
    Random order = new Random(seeds.nextLong());
    int batchesPerEpoch = (train.size() + training.batchSize() - 1) / training.batchSize();
    long totalSteps = (long) batchesPerEpoch * training.epochs();
    List<LrSchedule> schedules = new ArrayList<>();
    for (GridPoint point : grid) {
      schedules.add(new LrSchedule(point.learningRate(), point.learningRate(), 0, 0, totalSteps));
    }
    double[] lastEpochLoss = new double[grid.size()];
    long step = 0;
    for (int epoch = 0; epoch < training.epochs(); epoch++) {
      int[] permutation = shuffled(train.size(), order);
      Arrays.fill(lastEpochLoss, 0);
      for (int start = 0; start < permutation.length; start += training.batchSize()) {
        int end = Math.min(permutation.length, start + training.batchSize());
        int[] rows = Arrays.copyOfRange(permutation, start, end);
        try (StepScope scope = StepScope.open(manager, longLived)) {
          NDManager m = scope.manager();
          NDArray x = train.batch(m, rows);
          NDArray mask =
              train.multiView()
                  ? MultiViewInput.keyPaddingMask(
                      m,
                      train.features().layout(),
                      droppedViews(train, rows, training.viewDropout(), order))
                  : null;
          NDArray targets = targets(m, train, rows, scaler);
          NDArray[] losses = new NDArray[heads.size()];
          try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
            NDArray total = null;
            for (int h = 0; h < heads.size(); h++) {
              losses[h] = loss(task, heads.get(h).forward(x, mask), targets);
              total = total == null ? losses[h] : total.add(losses[h]);
            }
            collector.backward(total);
          }
          for (int h = 0; h < heads.size(); h++) {
            lastEpochLoss[h] += losses[h].getFloat() * rows.length / train.size();
            optimisers.get(h).step(schedules.get(h).at(step));
          }
        }
        step++;
      }
      if (progress != ProbeProgress.NONE && epoch + 1 < training.epochs()) {
        double best = Double.NaN;
        if ((epoch + 1) % scoringInterval(training.epochs()) == 0) {
          best = select(heads, grid, validation, scaler, training, lastEpochLoss).best()
              .validation();
        }
        progress.epochDone(epoch + 1, training.epochs(), SelectionMetric.of(task), best);
      }
    }
    optimisers.forEach(AdamW::close);
    GridSelection selection = select(heads, grid, validation, scaler, training, lastEpochLoss);
    progress.epochDone(training.epochs(), training.epochs(), selection.metric(),
        selection.best().validation());
    for (int h = 0; h < heads.size(); h++) {
      if (h != selection.selected()) {
        heads.get(h).close();
      }
    }
    return new Outcome<>(heads.get(selection.selected()), selection);
  }

  /**
   * Epochs between validation scores for a listener: about {@value #PROGRESS_SCORES} scores per
   * training, so that progress costs a few percent of the training time at most.
   */
  static int scoringInterval(int epochs) {
    return Math.max(1, (epochs + PROGRESS_SCORES - 1) / PROGRESS_SCORES);
  }

  /** Every head's validation score and the best head. */
  private static <H extends ProbeHead> GridSelection select(List<H> heads, List<GridPoint> grid,
      ProbeRows validation, TargetScaler scaler, ProbeTraining training, double[] epochLoss) {
    SelectionMetric metric = SelectionMetric.of(validation.features().task());
    float[] labels = validation.features().labels();
    List<HeadScore> scores = new ArrayList<>();
    for (int h = 0; h < heads.size(); h++) {
      Predictions predictions = heads.get(h).predict(validation, scaler, training.batchSize());
      scores.add(new HeadScore(grid.get(h), metric.evaluate(predictions, labels), epochLoss[h]));
    }
    return GridSelection.best(metric, scores);
  }

  /** Huber (β = 1) on z-scored values, or cross-entropy of logits against one-hot labels. */
  static NDArray loss(ProbeTask task, NDArray outputs, NDArray targets) {
    if (task.isRegression()) {
      NDArray error = outputs.sub(targets).abs();
      NDArray quadratic = error.minimum(Scalars.like(error, 1));
      return quadratic.square().mul(Scalars.like(error, 0.5)).add(error.sub(quadratic)).mean();
    }
    return outputs.logSoftmax(-1).mul(targets).sum(new int[] {1}).neg().mean();
  }

  private static NDArray targets(NDManager m, ProbeRows rows, int[] batch, TargetScaler scaler) {
    ProbeTask task = rows.features().task();
    float[] values = new float[batch.length * task.outputs()];
    for (int b = 0; b < batch.length; b++) {
      float label = rows.label(batch[b]);
      if (task.isRegression()) {
        values[b] = scaler.toZ(label);
      } else {
        values[b * task.outputs() + (int) label] = 1f;
      }
    }
    return m.create(values, new Shape(batch.length, task.outputs()));
  }

  private static boolean[][] droppedViews(ProbeRows rows, int[] batch, double p, Random random) {
    boolean[][] present = ProbeHead.presentViews(rows, batch);
    for (int b = 0; b < present.length; b++) {
      present[b] = MultiViewInput.dropViews(present[b], p, random);
    }
    return present;
  }

  private static int[] shuffled(int size, Random random) {
    int[] permutation = ProbeHead.range(0, size);
    for (int i = size - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = permutation[i];
      permutation[i] = permutation[j];
      permutation[j] = swap;
    }
    return permutation;
  }
}
