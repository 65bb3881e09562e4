package echobench.models.probe;

import java.util.List;

/**
 * A probe's per-sample outputs: for regression one value in the target's original units, for
 * classification the class probabilities (averaged over a sample's clips).
 *
 * @param task what was predicted
 * @param ids the sample ids, in the order of the feature set
 * @param outputs one row per sample: {@code [value]} or {@code [p_0 .. p_{classes-1}]}
 */
public record Predictions(ProbeTask task, List<String> ids, float[][] outputs) {

  public Predictions {
    ids = List.copyOf(ids);
    if (ids.size() != outputs.length) {
      throw new IllegalArgumentException(ids.size() + " ids but " + outputs.length + " outputs");
    }
    for (float[] row : outputs) {
      if (row.length != task.outputs()) {
        throw new IllegalArgumentException("an output row has " + row.length + " values");
      }
    }
  }

  public int size() {
    return outputs.length;
  }

  /** The regression prediction of sample {@code index}, in original units. */
  public float value(int index) {
    if (!task.isRegression()) {
      throw new IllegalStateException("a classification probe predicts classes, not values");
    }
    return outputs[index][0];
  }

  /** The most probable class of sample {@code index} (the lowest index among equals). */
  public int predictedClass(int index) {
    if (task.isRegression()) {
      throw new IllegalStateException("a regression probe predicts values, not classes");
    }
    float[] row = outputs[index];
    int best = 0;
    for (int c = 1; c < row.length; c++) {
      if (row[c] > row[best]) {
        best = c;
      }
    }
    return best;
  }

  /**
   * The class probabilities of sample {@code index} (summing to 1), widened to doubles; a
   * classification probe's arg-max is {@link #predictedClass}.
   */
  public double[] probabilities(int index) {
    if (task.isRegression()) {
      throw new IllegalStateException("a regression probe predicts values, not probabilities");
    }
    float[] row = outputs[index];
    double[] probabilities = new double[row.length];
    for (int c = 0; c < row.length; c++) {
      probabilities[c] = row[c];
    }
    return probabilities;
  }

  /** The mean absolute error against {@code targets} in original units (regression). */
  public double meanAbsoluteError(float[] targets) {
    checkLength(targets);
    double sum = 0;
    for (int i = 0; i < targets.length; i++) {
      sum += Math.abs(value(i) - targets[i]);
    }
    return sum / targets.length;
  }

  /** The fraction of samples whose predicted class equals the label (classification). */
  public double accuracy(float[] labels) {
    checkLength(labels);
    int right = 0;
    for (int i = 0; i < labels.length; i++) {
      right += predictedClass(i) == (int) labels[i] ? 1 : 0;
    }
    return (double) right / labels.length;
  }

  private void checkLength(float[] labels) {
    if (labels.length != outputs.length) {
      throw new IllegalArgumentException(labels.length + " labels for " + outputs.length + " predictions");
    }
  }
}
