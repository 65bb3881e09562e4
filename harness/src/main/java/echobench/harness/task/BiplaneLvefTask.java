package echobench.harness.task;

import echobench.harness.data.EchoView;
import echobench.harness.data.ListCsvDataset;
import echobench.harness.data.Sample;
import echobench.models.probe.Predictions;
import echobench.models.probe.ProbeTask;
import echobench.reports.ReferenceBaseline;
import echobench.reports.metrics.Metric;
import java.util.List;

/**
 * {@code biplane-lvef}: regression of the Simpson's biplane ejection fraction from the apical
 * four- and two-chamber videos of one patient (A4C then A2C), with the metrics and train-mean
 * baseline of {@link LvefTask}. Each sample is one patient carrying both views; the multi-view
 * probe sees them with view embeddings (and view dropout while training).
 */
public final class BiplaneLvefTask implements EchoTask {
  /** The task's id. */
  public static final String ID = "biplane-lvef";

  private static final List<EchoView> VIEWS = List.of(EchoView.A4C, EchoView.A2C);

  /** The label, metrics and baseline are those of single-view LVEF. */
  private final LvefTask lvef = new LvefTask();

  @Override
  public String id() {
    return ID;
  }

  @Override
  public float label(Sample sample) {
    return lvef.label(sample);
  }

  @Override
  public ListCsvDataset.Label listLabel() {
    return lvef.listLabel();
  }

  @Override
  public ProbeTask probeTask() {
    return lvef.probeTask();
  }

  @Override
  public double prediction(Predictions predictions, int index) {
    return lvef.prediction(predictions, index);
  }

  @Override
  public double[] scores(Predictions predictions, int index) {
    return lvef.scores(predictions, index);
  }

  @Override
  public List<Metric> metrics() {
    return lvef.metrics();
  }

  @Override
  public String baselineName() {
    return lvef.baselineName();
  }

  @Override
  public ReferenceBaseline baseline(float[] trainingLabels) {
    return lvef.baseline(trainingLabels);
  }

  @Override
  public List<EchoView> views() {
    return VIEWS;
  }

  @Override
  public String toString() {
    return ID;
  }
}
