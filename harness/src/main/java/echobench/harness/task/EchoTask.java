package echobench.harness.task;

import echobench.harness.data.EchoView;
import echobench.harness.data.ListCsvDataset;
import echobench.harness.data.Sample;
import echobench.models.probe.Predictions;
import echobench.models.probe.ProbeTask;
import echobench.reports.ReferenceBaseline;
import echobench.reports.io.InputException;
import echobench.reports.metrics.Metric;
import java.util.List;

/**
 * What a study predicts and how it is scored: the value of the config's {@code task} key and of
 * the tables' {@code task} column. A task reads its label from a sample, says which probe output it
 * needs, turns the probe's output into the prediction and (for a classifier) the class
 * probabilities that {@code predictions.csv} records, lists its metrics, and builds its reference
 * baseline from the training labels. How much a condition degrades a metric follows the metric's
 * {@link Metric.Sense sense} (errors rise, scores fall). Every task is registered in {@link
 * EchoTasks}.
 */
public interface EchoTask {

  /** The name in configs and tables ({@code lvef}). */
  String id();

  /**
   * The label of {@code sample} as the probe sees it (a value, or a class index).
   *
   * @throws InputException naming the sample when it carries no such label
   */
  float label(Sample sample);

  /** The label column a {@code list-csv} dataset must carry for this task. */
  ListCsvDataset.Label listLabel();

  /** The probe output the task needs: one value or one probability per class. */
  ProbeTask probeTask();

  /** The prediction of sample {@code index}: the value, or the most probable class. */
  double prediction(Predictions predictions, int index);

  /** The class probabilities of sample {@code index}; empty for a task that predicts a value. */
  double[] scores(Predictions predictions, int index);

  /** The metrics of {@code results.csv}, the headline first. */
  List<Metric> metrics();

  /** The model name of the task's reference baseline ({@link echobench.reports.ModelNames}). */
  String baselineName();

  /**
   * The reference model that ignores the video, fitted on the training labels.
   *
   * @param trainingLabels the labels of the training split, as {@link #label} gives them
   */
  ReferenceBaseline baseline(float[] trainingLabels);

  /**
   * The views each sample must carry, in order, for a multi-view task; empty for a task on one
   * video of any view.
   */
  default List<EchoView> views() {
    return List.of();
  }
}
