package echobench.models.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The k-nearest-neighbour probe on mean-pooled features (every clip of every present view): a
 * sample's class probabilities are the vote shares of its {@code k} nearest training samples, and a
 * regression prediction is their mean target. Nothing is trained; the training split's pooled
 * features are the model. Ties in distance go to the earlier training sample.
 *
 * <p>Memory: {@code training samples × dim} floats. Saved weights: {@code bank.features} {@code [n,
 * dim]} (unit-normalised for the cosine distance) and {@code bank.labels} {@code [n]}.
 */
public final class KnnProbe implements Probe {
  private final ProbeDescription description;
  private final float[][] bank;
  private final float[] labels;

  /** How neighbours are found. */
  public enum Distance {
    /** {@code 1 − cos(a, b)}. */
    COSINE,
    /** The Euclidean distance. */
    L2
  }

  /**
   * The probe's settings.
   *
   * @param k neighbours consulted
   * @param distance how they are found
   */
  public record Settings(@JsonProperty("k") int k, @JsonProperty("distance") Distance distance) {
    public Settings {
      if (k < 1 || distance == null) {
        throw new IllegalArgumentException("k-NN needs k >= 1 and a distance");
      }
    }
  }

  private KnnProbe(ProbeDescription description, float[][] bank, float[] labels) {
    this.description = description;
    this.bank = bank;
    this.labels = labels;
  }

  /**
   * Keeps the pooled features of {@code train} as the neighbour bank.
   *
   * @throws IllegalArgumentException if {@code k} exceeds the training samples
   */
  public static KnnProbe fit(FeatureSource train, Settings settings) {
    if (settings.k() > train.size()) {
      throw new IllegalArgumentException(
          "k = " + settings.k() + " exceeds the " + train.size() + " training samples");
    }
    float[][] bank = new float[train.size()][];
    for (int s = 0; s < bank.length; s++) {
      bank[s] = embed(train.pooled(s), settings.distance());
    }
    ProbeDescription description =
        new ProbeDescription(
            ProbeDescription.FORMAT,
            ProbeKind.KNN,
            train.task(),
            train.layout(),
            TargetScaler.identity(),
            null,
            settings,
            null,
            null);
    return new KnnProbe(description, bank, train.labels());
  }

  /**
   * Loads a probe saved by {@link #save}.
   *
   * @throws InputException naming the file when anything is missing or does not match
   */
  public static KnnProbe load(Path dir, NDManager manager) {
    ProbeDescription description = ProbeFiles.describe(dir, ProbeKind.KNN);
    if (description.knn() == null) {
      throw new InputException(dir.resolve(ProbeFiles.DESCRIPTION) + ": k-NN settings missing");
    }
    try (NDManager reading = manager.newSubManager()) {
      Map<String, NDArray> weights = ProbeFiles.weights(dir, reading);
      NDArray features = weights.get("bank.features");
      NDArray labels = weights.get("bank.labels");
      int dim = description.layout().dim();
      if (features == null
          || labels == null
          || weights.size() != 2
          || !features.getShape().equals(new Shape(labels.size(), dim))) {
        throw new InputException(
            dir.resolve(ProbeFiles.WEIGHTS)
                + ": expected exactly bank.features [n, "
                + dim
                + "] and bank.labels [n], found "
                + weights.keySet());
      }
      float[] flat = features.toFloatArray();
      float[][] bank = new float[(int) labels.size()][];
      for (int s = 0; s < bank.length; s++) {
        bank[s] = Arrays.copyOfRange(flat, s * dim, (s + 1) * dim);
      }
      return new KnnProbe(description, bank, labels.toFloatArray());
    }
  }

  @Override
  public ProbeTask task() {
    return description.task();
  }

  @Override
  public FeatureLayout layout() {
    return description.layout();
  }

  /** The neighbour count and distance. */
  public Settings settings() {
    return description.knn();
  }

  @Override
  public Predictions predict(FeatureSource features) {
    Probe.checkReadable(task(), layout(), features);
    ProbeTask task = task();
    float[][] outputs = new float[features.size()][task.outputs()];
    String[] ids = new String[features.size()];
    for (int s = 0; s < features.size(); s++) {
      ids[s] = features.id(s);
      int[] neighbours = neighbours(embed(features.pooled(s), settings().distance()));
      for (int n : neighbours) {
        if (task.isRegression()) {
          outputs[s][0] += labels[n] / neighbours.length;
        } else {
          outputs[s][(int) labels[n]] += 1f / neighbours.length;
        }
      }
    }
    return new Predictions(task, Arrays.asList(ids), outputs);
  }

  /** The indices of the {@code k} training samples nearest to {@code query}, nearest first. */
  int[] neighbours(float[] query) {
    double[] distances = new double[bank.length];
    Integer[] order = new Integer[bank.length];
    for (int i = 0; i < bank.length; i++) {
      distances[i] = distance(query, bank[i]);
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(distances[a], distances[b]));
    int[] nearest = new int[settings().k()];
    for (int i = 0; i < nearest.length; i++) {
      nearest[i] = order[i];
    }
    return nearest;
  }

  private double distance(float[] a, float[] b) {
    double sum = 0;
    if (settings().distance() == Distance.COSINE) {
      for (int d = 0; d < a.length; d++) {
        sum += (double) a[d] * b[d];
      }
      return 1 - sum;
    }
    for (int d = 0; d < a.length; d++) {
      double diff = a[d] - b[d];
      sum += diff * diff;
    }
    return Math.sqrt(sum);
  }

  /** The vector compared: unit-normalised for the cosine distance (a zero vector stays zero). */
  private static float[] embed(float[] pooled, Distance distance) {
    if (distance == Distance.L2) {
      return pooled;
    }
    double norm = 0;
    for (float v : pooled) {
      norm += (double) v * v;
    }
    norm = Math.sqrt(norm);
    float[] unit = new float[pooled.length];
    for (int d = 0; d < unit.length && norm > 0; d++) {
      unit[d] = (float) (pooled[d] / norm);
    }
    return unit;
  }

  @Override
  public void save(Path dir) throws IOException {
    int dim = layout().dim();
    float[] flat = new float[bank.length * dim];
    for (int s = 0; s < bank.length; s++) {
      System.arraycopy(bank[s], 0, flat, s * dim, dim);
    }
    try (NDManager copies = NDManager.newBaseManager()) {
      Map<String, NDArray> weights = new LinkedHashMap<>();
      weights.put("bank.features", copies.create(flat, new Shape(bank.length, dim)));
      weights.put("bank.labels", copies.create(labels));
      ProbeFiles.save(dir, description, weights);
    }
  }

  /** Holds no native memory: nothing to free. */
  @Override
  public void close() {}
}
