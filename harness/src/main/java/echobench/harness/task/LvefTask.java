package echobench.harness.task;

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
 * {@code lvef}: regression of the left-ventricular ejection fraction in percent, scored by MAE
 * (the headline), RMSE, R² and the reduced-EF AUROC, against the predict-the-training-mean
 * baseline.
 */
public final class LvefTask implements EchoTask {
  /** The task's id. */
  public static final String ID = "lvef";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public float label(Sample sample) {
    if (sample.ef() == null) {
      throw new InputException("sample " + sample.id() + " has no EF label (task " + ID + ")");
    }
    return sample.ef();
  }

  @Override
  public ListCsvDataset.Label listLabel() {
    return ListCsvDataset.Label.EF;
  }

  @Override
  public ProbeTask probeTask() {
    return ProbeTask.regression();
  }

  @Override
  public double prediction(Predictions predictions, int index) {
    return predictions.value(index);
  }

  @Override
  public double[] scores(Predictions predictions, int index) {
    return new double[0];
  }

  @Override
  public List<Metric> metrics() {
    return List.of(Metric.MAE, Metric.RMSE, Metric.R2, Metric.AUROC_EF50,
        Metric.CATEGORY_ERROR, Metric.CATEGORY_FLIP);
  }

  @Override
  public String baselineName() {
    return ModelNames.TRAIN_MEAN_BASELINE;
  }

  @Override
  public ReferenceBaseline baseline(float[] trainingLabels) {
    if (trainingLabels.length == 0) {
      throw new IllegalArgumentException("no training label to average");
    }
    double sum = 0;
    for (float l : trainingLabels) {
      sum += l;
    }
    return ReferenceBaseline.trainMean(sum / trainingLabels.length);
  }

  @Override
  public String toString() {
    return ID;
  }
}
