package echobench.models.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import echobench.models.nn.NamedArrays;
import echobench.models.nn.ParameterFactory;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The linear probe: a sample's tokens (every clip of every present view) are mean-pooled,
 * standardised per dimension with the training split's statistics ({@link FeatureScaler}), and mapped
 * by one linear layer; trained with the same grid, losses and selection as the attentive probe.
 *
 * <p>Saved weights: {@code linear.weight}, {@code linear.bias}, {@code feature_scaler.mean} and
 * {@code feature_scaler.std}.
 */
public final class LinearProbe implements Probe {
  private static final String SCALER = "feature_scaler.";

  private final ProbeDescription description;
  private final FeatureScaler features;
  private final LinearHead head;

  private LinearProbe(ProbeDescription description, FeatureScaler features, LinearHead head) {
    this.description = description;
    this.features = features;
    this.head = head;
  }

  /**
   * Trains the grid on {@code train}, selects on {@code validation} and keeps the best head.
   *
   * @throws IllegalArgumentException if the two splits differ in layout or task
   */
  public static LinearProbe train(
      FeatureSource train, FeatureSource validation, ProbeTraining training, NDManager manager) {
    return train(train, validation, training, manager, ProbeProgress.NONE);
  }

  /**
   * {@link #train(FeatureSource, FeatureSource, ProbeTraining, NDManager)}, telling {@code progress}
   * after every epoch.
   */
  public static LinearProbe train(FeatureSource train, FeatureSource validation,
      ProbeTraining training, NDManager manager, ProbeProgress progress) {
    Probe.checkReadable(train.task(), train.layout(), validation);
    ProbeTask task = train.task();
    TargetScaler targets =
        task.isRegression() ? TargetScaler.fit(train.labels()) : TargetScaler.identity();
    FeatureScaler scaler = FeatureScaler.fit(train);
    int dim = train.layout().dim();
    ProbeTrainer.Outcome<LinearHead> outcome =
        ProbeTrainer.train(
            factory -> new LinearHead(factory, task, dim),
            ProbeRows.pooled(train, scaler),
            ProbeRows.pooled(validation, scaler),
            targets,
            training,
            manager,
            progress);
    ProbeDescription description =
        new ProbeDescription(
            ProbeDescription.FORMAT,
            ProbeKind.LINEAR,
            task,
            train.layout(),
            targets,
            null,
            null,
            training,
            outcome.selection());
    return new LinearProbe(description, scaler, outcome.head());
  }

  /**
   * Loads a probe saved by {@link #save}.
   *
   * @throws InputException naming the file when anything is missing or does not match
   */
  public static LinearProbe load(Path dir, NDManager manager) {
    ProbeDescription description = ProbeFiles.describe(dir, ProbeKind.LINEAR);
    if (description.training() == null) {
      throw new InputException(
          dir.resolve(ProbeFiles.DESCRIPTION) + ": linear probe lacks its training");
    }
    int dim = description.layout().dim();
    LinearHead head =
        new LinearHead(new ParameterFactory(manager.newSubManager(), 0), description.task(), dim);
    try (NDManager reading = manager.newSubManager()) {
      Map<String, NDArray> weights = new LinkedHashMap<>(ProbeFiles.weights(dir, reading));
      NDArray mean = weights.remove(SCALER + "mean");
      NDArray std = weights.remove(SCALER + "std");
      if (mean == null || std == null || mean.size() != dim || std.size() != dim) {
        throw new InputException(
            dir.resolve(ProbeFiles.WEIGHTS) + ": missing or misshapen " + SCALER + "mean/std");
      }
      FeatureScaler scaler = new FeatureScaler(mean.toFloatArray(), std.toFloatArray());
      ProbeFiles.load(dir, head, weights);
      return new LinearProbe(description, scaler, head);
    } catch (RuntimeException e) {
      head.close();
      throw e;
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

  /** The grid's validation scores and the head kept. */
  public GridSelection selection() {
    return description.selection();
  }

  @Override
  public Predictions predict(FeatureSource set) {
    Probe.checkReadable(task(), layout(), set);
    return head.predict(
        ProbeRows.pooled(set, features),
        description.targetScaler(),
        description.training().batchSize());
  }

  @Override
  public void save(Path dir) throws IOException {
    try (NDManager copies = NDManager.newBaseManager()) {
      Map<String, NDArray> weights = new LinkedHashMap<>(head.parameters());
      Shape shape = new Shape(features.mean().length);
      Map<String, NDArray> scaler = new LinkedHashMap<>();
      scaler.put("mean", copies.create(features.mean(), shape));
      scaler.put("std", copies.create(features.std(), shape));
      weights.putAll(NamedArrays.prefixed(SCALER, scaler));
      ProbeFiles.save(dir, description, weights);
    }
  }

  @Override
  public void close() {
    head.close();
  }
}
