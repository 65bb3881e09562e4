package echobench.models.probe;

import ai.djl.ndarray.NDManager;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A probe trained on frozen features of the clean training split: it predicts a label for every
 * sample of a feature set, and saves itself as a folder ({@code probe.json} plus {@code
 * weights.safetensors}) that {@link #load} reads back with identical predictions.
 */
public interface Probe extends AutoCloseable {

  /** What the probe predicts. */
  ProbeTask task();

  /** The feature layout the probe was trained on. */
  FeatureLayout layout();

  /**
   * Predicts every sample of {@code features}.
   *
   * @throws IllegalArgumentException if their layout or task does not fit the probe
   */
  Predictions predict(FeatureSource features);

  /** Saves the probe as the folder {@code dir}, replacing it atomically. */
  void save(Path dir) throws IOException;

  /** Frees the probe's native memory. */
  @Override
  void close();

  /**
   * Loads a probe folder written by {@link #save}, whatever its kind.
   *
   * @throws echobench.reports.io.InputException naming the file when it is missing, malformed or
   *     does not match its description
   */
  static Probe load(Path dir, NDManager manager) {
    return switch (ProbeFiles.describe(dir).kind()) {
      case ATTENTIVE -> AttentiveProbe.load(dir, manager);
      case LINEAR -> LinearProbe.load(dir, manager);
      case KNN -> KnnProbe.load(dir, manager);
    };
  }

  /**
   * Checks that {@code features} can be read by a probe trained for {@code task} on {@code layout}.
   *
   * @throws IllegalArgumentException otherwise
   */
  static void checkReadable(ProbeTask task, FeatureLayout layout, FeatureSource features) {
    if (!features.task().equals(task)) {
      throw new IllegalArgumentException(
          "features are labelled for " + features.task() + ", the probe predicts " + task);
    }
    if (!features.layout().readableBy(layout)) {
      throw new IllegalArgumentException(
          "features of layout " + features.layout() + " do not fit a probe trained on " + layout);
    }
  }
}
