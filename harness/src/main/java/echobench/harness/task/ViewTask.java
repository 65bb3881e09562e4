package echobench.harness.task;

import echobench.harness.data.EchoView;
import echobench.harness.data.ListCsvDataset;
import echobench.harness.data.Sample;
import echobench.models.probe.Predictions;
import echobench.models.probe.ProbeTask;
import echobench.reports.ModelNames;
import echobench.reports.ReferenceBaseline;
import echobench.reports.io.InputException;
import echobench.reports.metrics.Metric;
import java.util.List;

/**
 * {@code view}: classification of the {@link EchoView} (its class index), scored by accuracy (the
 * headline), balanced accuracy, macro-F1 and the macro one-vs-rest AUROC of the class
 * probabilities, against the majority-class baseline.
 */
public final class ViewTask implements EchoTask {
  /** The task's id. */
  public static final String ID = "view";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public float label(Sample sample) {
    if (sample.view() == null) {
      throw new InputException(
          "sample " + sample.id() + " has no view label (task " + ID + ")");
    }
    return sample.view();
  }

  @Override
  public ListCsvDataset.Label listLabel() {
    return ListCsvDataset.Label.VIEW;
  }

  @Override
  public ProbeTask probeTask() {
    return ProbeTask.classification(EchoView.values().length);
  }

  @Override
  public double prediction(Predictions predictions, int index) {
    return predictions.predictedClass(index);
  }

  @Override
  public double[] scores(Predictions predictions, int index) {
    return predictions.probabilities(index);
  }

  @Override
  public List<Metric> metrics() {
    return List.of(Metric.ACCURACY, Metric.BALANCED_ACCURACY, Metric.MACRO_F1,
        Metric.MACRO_AUROC);
  }

  @Override
  public String baselineName() {
    return ModelNames.MAJORITY_CLASS_BASELINE;
  }

  @Override
  public ReferenceBaseline baseline(float[] trainingLabels) {
    int[] counts = new int[EchoView.values().length];
    for (float l : trainingLabels) {
      counts[(int) l]++;
    }
    return ReferenceBaseline.majorityClass(counts);
  }

  @Override
  public String toString() {
    return ID;
  }
}
