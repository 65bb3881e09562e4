package echobench.models.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import echobench.models.nn.Module;
import echobench.models.nn.ParameterFactory;
import echobench.models.nn.StepScope;
import java.util.ArrayList;
import java.util.List;

/**
 * A trainable probe head on frozen features: token rows {@code [B, N, D]} (and an optional
 * key-padding mask) in, one output row per input row out — a z-scored value for regression, class
 * logits for classification.
 *
 * <p>A head owns the manager of the factory it was built with and frees it on {@link #close()}.
 */
public abstract class ProbeHead extends Module implements AutoCloseable {
  private final NDManager manager;
  private final ProbeTask task;

  /** A head for {@code task} whose parameters live in {@code factory}'s manager. */
  protected ProbeHead(ParameterFactory factory, ProbeTask task) {
    this.manager = factory.manager();
    this.task = task;
  }

  /** The task whose outputs this head produces. */
  public final ProbeTask task() {
    return task;
  }

  /**
   * The raw outputs for {@code tokens} {@code [B, N, D]}: {@code [B, outputs]}.
   *
   * @param keyPaddingMask {@code [B, N]} tokens to ignore (absent views), or null
   */
  public abstract NDArray forward(NDArray tokens, NDArray keyPaddingMask);

  /**
   * Predicts every sample of {@code rows}: regression outputs are mapped back to original units by
   * {@code scaler}, classification logits become probabilities, and each sample's rows (its clips)
   * are averaged.
   */
  final Predictions predict(ProbeRows rows, TargetScaler scaler, int batchSize) {
    FeatureSource features = rows.features();
    int outputs = task.outputs();
    double[][] sums = new double[features.size()][outputs];
    int[] counts = new int[features.size()];
    for (int start = 0; start < rows.size(); start += batchSize) {
      int[] batch = range(start, Math.min(rows.size(), start + batchSize));
      float[] values;
      try (StepScope scope = StepScope.open(manager, parameterArrays())) {
        NDArray mask =
            rows.multiView()
                ? MultiViewInput.keyPaddingMask(
                    scope.manager(), features.layout(), presentViews(rows, batch))
                : null;
        NDArray out = forward(rows.batch(scope.manager(), batch), mask);
        values = (task.isRegression() ? out : out.softmax(-1)).toFloatArray();
      }
      for (int b = 0; b < batch.length; b++) {
        int sample = rows.sampleOf(batch[b]);
        counts[sample]++;
        for (int o = 0; o < outputs; o++) {
          sums[sample][o] += values[b * outputs + o];
        }
      }
    }
    float[][] predictions = new float[features.size()][outputs];
    List<String> ids = new ArrayList<>(features.size());
    for (int s = 0; s < features.size(); s++) {
      ids.add(features.id(s));
      for (int o = 0; o < outputs; o++) {
        double mean = sums[s][o] / counts[s];
        predictions[s][o] = (float) (task.isRegression() ? scaler.fromZ(mean) : mean);
      }
    }
    return new Predictions(task, ids, predictions);
  }

  static boolean[][] presentViews(ProbeRows rows, int[] batch) {
    boolean[][] present = new boolean[batch.length][];
    for (int b = 0; b < batch.length; b++) {
      present[b] = rows.presentViews(batch[b]);
    }
    return present;
  }

  static int[] range(int from, int to) {
    int[] indices = new int[to - from];
    for (int i = 0; i < indices.length; i++) {
      indices[i] = from + i;
    }
    return indices;
  }

  /** Frees the head's parameters. */
  @Override
  public void close() {
    manager.close();
  }
}
