package echobench.reports;

import echobench.reports.results.Prediction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A reference model that makes one prediction for every video, whatever the input, so its rows
 * show what a probe that learned nothing from the video scores on each dataset and condition:
 * {@value ModelNames#TRAIN_MEAN_BASELINE} predicts the mean training target (regression),
 * {@value ModelNames#MAJORITY_CLASS_BASELINE} the most frequent training class with the training
 * class frequencies as its class probabilities (classification).
 *
 * @param model the baseline's model name ({@link ModelNames})
 * @param prediction the value (or class) predicted for every video
 * @param scores the class probabilities predicted for every video; empty for regression
 */
public record ReferenceBaseline(String model, double prediction, double[] scores) {

  public ReferenceBaseline {
    if (!ModelNames.isBaseline(model)) {
      throw new IllegalArgumentException(model + " is not a baseline's model name");
    }
    scores = scores == null ? new double[0] : scores.clone();
  }

  /** Predicts the mean training target {@code mean}. */
  public static ReferenceBaseline trainMean(double mean) {
    return new ReferenceBaseline(ModelNames.TRAIN_MEAN_BASELINE, mean, null);
  }

  /**
   * Predicts the most frequent training class (the lowest index among equals) with the training
   * class frequencies as its probabilities.
   *
   * @param counts the number of training videos of each class
   * @throws IllegalArgumentException when there is no training video
   */
  public static ReferenceBaseline majorityClass(int[] counts) {
    long total = Arrays.stream(counts).asLongStream().sum();
    if (total == 0) {
      throw new IllegalArgumentException("no training video to count classes of");
    }
    double[] frequencies = new double[counts.length];
    int best = 0;
    for (int c = 0; c < counts.length; c++) {
      frequencies[c] = (double) counts[c] / total;
      if (counts[c] > counts[best]) {
        best = c;
      }
    }
    return new ReferenceBaseline(ModelNames.MAJORITY_CLASS_BASELINE, best, frequencies);
  }

  @Override
  public double[] scores() {
    return scores.clone();
  }

  /**
   * The baseline's predictions for every dataset, condition and video that occur in {@code
   * predictions}, in the order they first appear, with the targets found there.
   */
  public List<Prediction> predictions(List<Prediction> predictions) {
    Set<List<Object>> seen = new LinkedHashSet<>();
    List<Prediction> baseline = new ArrayList<>();
    for (Prediction p : predictions) {
      if (ModelNames.isBaseline(p.model())
          || !seen.add(List.of(p.dataset(), p.condition(), p.video()))) {
        continue;
      }
      baseline.add(new Prediction(model, p.dataset(), p.condition(), p.video(), p.target(),
          prediction, scores));
    }
    return baseline;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ReferenceBaseline b && model.equals(b.model)
        && Double.compare(prediction, b.prediction) == 0 && Arrays.equals(scores, b.scores);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * model.hashCode() + Double.hashCode(prediction)) + Arrays.hashCode(scores);
  }

  @Override
  public String toString() {
    return model + " predicting " + prediction
        + (scores.length == 0 ? "" : " with probabilities " + Arrays.toString(scores));
  }
}
