package echobench.models.probe;

import ai.djl.ndarray.NDManager;
import echobench.models.nn.ParameterFactory;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The attentive probe of V-JEPA 2 and EchoJEPA on frozen encoder tokens: self-attention blocks, one
 * cross-attention block with one learnable query, and a linear output, trained as an {@code lr × wd}
 * grid with the head of best validation score kept (see {@link ProbeTrainer}).
 *
 * <p>Single-view features are read one clip at a time and a video's prediction is the mean over its
 * clips; multi-view features are read as one sequence per study through {@link MultiViewInput}.
 * Regression targets are z-scored with the training split's statistics and predictions are returned
 * in original units.
 */
public final class AttentiveProbe implements Probe {
  private final ProbeDescription description;
  private final AttentiveHead head;

  private AttentiveProbe(ProbeDescription description, AttentiveHead head) {
    this.description = description;
    this.head = head;
  }

  /**
   * Trains the grid on {@code train}, selects on {@code validation} and keeps the best head, whose
   * parameters live in a sub-manager of {@code manager}.
   *
   * @throws IllegalArgumentException if the two splits differ in layout or task
   */
  public static AttentiveProbe train(
      FeatureSource train,
      FeatureSource validation,
      AttentiveProbeConfig config,
      ProbeTraining training,
      NDManager manager) {
    return train(train, validation, config, training, manager, ProbeProgress.NONE);
  }

  /**
   * {@link #train(FeatureSource, FeatureSource, AttentiveProbeConfig, ProbeTraining, NDManager)},
   * telling {@code progress} after every epoch.
   */
  public static AttentiveProbe train(
      FeatureSource train,
      FeatureSource validation,
      AttentiveProbeConfig config,
      ProbeTraining training,
      NDManager manager,
      ProbeProgress progress) {
    Probe.checkReadable(train.task(), train.layout(), validation);
    config.checkWidth(train.layout().dim());
    ProbeTask task = train.task();
    TargetScaler scaler =
        task.isRegression() ? TargetScaler.fit(train.labels()) : TargetScaler.identity();
    ProbeTrainer.Outcome<AttentiveHead> outcome =
        ProbeTrainer.train(
            factory -> new AttentiveHead(factory, task, train.layout(), config),
            ProbeRows.tokens(train),
            ProbeRows.tokens(validation),
            scaler,
            training,
            manager,
            progress);
    ProbeDescription description =
        new ProbeDescription(
            ProbeDescription.FORMAT,
            ProbeKind.ATTENTIVE,
            task,
            train.layout(),
            scaler,
            config,
            null,
            training,
            outcome.selection());
    return new AttentiveProbe(description, outcome.head());
  }

  /**
   * Loads a probe saved by {@link #save}.
   *
   * @throws InputException naming the file when anything is missing or does
   *     not match
   */
  public static AttentiveProbe load(Path dir, NDManager manager) {
    ProbeDescription description = ProbeFiles.describe(dir, ProbeKind.ATTENTIVE);
    if (description.attentive() == null || description.training() == null) {
      throw new InputException(
          dir.resolve(ProbeFiles.DESCRIPTION) + ": attentive probe lacks its config or training");
    }
    AttentiveHead head =
        new AttentiveHead(
            new ParameterFactory(manager.newSubManager(), 0),
            description.task(),
            description.layout(),
            description.attentive());
    try (NDManager reading = manager.newSubManager()) {
      ProbeFiles.load(dir, head, ProbeFiles.weights(dir, reading));
    } catch (RuntimeException e) {
      head.close();
      throw e;
    }
    return new AttentiveProbe(description, head);
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

  /** The probe's description as saved. */
  public ProbeDescription description() {
    return description;
  }

  @Override
  public Predictions predict(FeatureSource features) {
    Probe.checkReadable(task(), layout(), features);
    return head.predict(
        ProbeRows.tokens(features), description.targetScaler(), description.training().batchSize());
  }

  @Override
  public void save(Path dir) throws IOException {
    ProbeFiles.save(dir, description, head.parameters());
  }

  @Override
  public void close() {
    head.close();
  }
}
