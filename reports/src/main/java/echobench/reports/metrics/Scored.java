package echobench.reports.metrics;

import java.util.Arrays;

/**
 * What a metric is computed from: per-video targets and predictions (class indices stored as
 * numbers for classification) and, for a classifier, each video's class probabilities.
 *
 * @param targets the per-video targets
 * @param predictions the per-video predictions, aligned with {@code targets}
 * @param scores one row of class probabilities per video, aligned with {@code targets}; null when
 *     the predictions carry none (regression, or a table without probabilities)
 */
public record Scored(double[] targets, double[] predictions, double[][] scores) {

  /**
   * @throws IllegalArgumentException for arrays of different lengths
   */
  public Scored {
    if (targets.length != predictions.length) {
      throw new IllegalArgumentException(
          targets.length + " targets but " + predictions.length + " predictions");
    }
    if (scores != null && scores.length != targets.length) {
      throw new IllegalArgumentException(
          targets.length + " targets but " + scores.length + " rows of class probabilities");
    }
  }

  /** Targets and predictions without class probabilities. */
  public static Scored of(double[] targets, double[] predictions) {
    return new Scored(targets, predictions, null);
  }

  /** The number of videos. */
  public int size() {
    return targets.length;
  }

  /** Whether every video carries its class probabilities. */
  public boolean hasScores() {
    return scores != null;
  }

  /**
   * The videos at {@code indices} (a bootstrap sample: an index may repeat), targets, predictions
   * and probabilities kept together.
   */
  public Scored resample(int[] indices) {
    double[] t = new double[indices.length];
    double[] p = new double[indices.length];
    double[][] s = scores == null ? null : new double[indices.length][];
    for (int i = 0; i < indices.length; i++) {
      t[i] = targets[indices[i]];
      p[i] = predictions[indices[i]];
      if (s != null) {
        s[i] = scores[indices[i]];
      }
    }
    return new Scored(t, p, s);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Scored other && Arrays.equals(targets, other.targets)
        && Arrays.equals(predictions, other.predictions)
        && Arrays.deepEquals(scores, other.scores);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * Arrays.hashCode(targets) + Arrays.hashCode(predictions))
        + Arrays.deepHashCode(scores);
  }

  @Override
  public String toString() {
    return "Scored[" + targets.length + " videos" + (scores == null ? "" : ", with probabilities")
        + "]";
  }
}
