package echobench.models.probe;

/**
 * The validation metric that picks the best head of a grid: the mean absolute error in original
 * units for regression (lower is better), accuracy for classification (higher is better) — the
 * EchoJEPA rule (minimum validation MAE, maximum validation accuracy).
 */
public enum SelectionMetric {
  MAE,
  ACCURACY;

  /** The metric used for {@code task}. */
  public static SelectionMetric of(ProbeTask task) {
    return task.isRegression() ? MAE : ACCURACY;
  }

  /** The metric of {@code predictions} against {@code labels}. */
  public double evaluate(Predictions predictions, float[] labels) {
    return this == MAE ? predictions.meanAbsoluteError(labels) : predictions.accuracy(labels);
  }

  /** Whether {@code candidate} is strictly better than {@code incumbent}. */
  public boolean isBetter(double candidate, double incumbent) {
    return this == MAE ? candidate < incumbent : candidate > incumbent;
  }
}
