package echobench.reports.results;

import echobench.reports.Condition;
import java.util.Arrays;
import java.util.Objects;

/**
 * One row of {@code predictions.csv}: what a model predicted for one video of a dataset under one
 * condition, next to the video's target (class indices are stored as numbers).
 *
 * @param prediction the predicted value, or for classification the most probable class
 * @param scores for classification the class probabilities (summing to 1) the prediction is the
 *     arg-max of; empty for regression
 */
public record Prediction(
    String model, String dataset, Condition condition, String video, double target,
    double prediction, double[] scores) {

  public Prediction {
    scores = scores == null ? new double[0] : scores.clone();
  }

  /** A prediction without class probabilities (regression). */
  public Prediction(String model, String dataset, Condition condition, String video,
      double target, double prediction) {
    this(model, dataset, condition, video, target, prediction, null);
  }

  /** The class probabilities (a copy); empty for regression. */
  @Override
  public double[] scores() {
    return scores.clone();
  }

  /** Whether the prediction carries class probabilities. */
  public boolean hasScores() {
    return scores.length > 0;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Prediction p && model.equals(p.model) && dataset.equals(p.dataset)
        && condition.equals(p.condition) && video.equals(p.video)
        && Double.compare(target, p.target) == 0 && Double.compare(prediction, p.prediction) == 0
        && Arrays.equals(scores, p.scores);
  }

  @Override
  public int hashCode() {
    return 31 * Objects.hash(model, dataset, condition, video, target, prediction)
        + Arrays.hashCode(scores);
  }

  @Override
  public String toString() {
    return "Prediction[" + model + ", " + dataset + ", " + condition.label() + ", " + video
        + ": target " + target + ", prediction " + prediction
        + (scores.length == 0 ? "" : ", scores " + Arrays.toString(scores)) + "]";
  }
}
