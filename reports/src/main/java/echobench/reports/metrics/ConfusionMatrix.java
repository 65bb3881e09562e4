package echobench.reports.metrics;

import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Counts of (true class, predicted class) pairs, from which accuracy, balanced accuracy and
 * macro-F1 follow. Classes are integer indices.
 */
final class ConfusionMatrix {
  private final TreeSet<Integer> trueClasses = new TreeSet<>();
  private final TreeSet<Integer> allClasses = new TreeSet<>();
  private final TreeMap<Integer, Integer> truePositives = new TreeMap<>();
  private final TreeMap<Integer, Integer> trueCount = new TreeMap<>();
  private final TreeMap<Integer, Integer> predictedCount = new TreeMap<>();
  private int total;
  private int correct;

  private ConfusionMatrix() {}

  /**
   * The matrix of paired class indices.
   *
   * @throws IllegalArgumentException for a value that is not a whole number
   */
  static ConfusionMatrix of(double[] target, double[] prediction) {
    ConfusionMatrix m = new ConfusionMatrix();
    for (int i = 0; i < target.length; i++) {
      m.add(classIndex(target[i]), classIndex(prediction[i]));
    }
    return m;
  }

  double accuracy() {
    return (double) correct / total;
  }

  /** Mean recall over the classes that occur in the targets. */
  double balancedAccuracy() {
    double sum = 0;
    for (int c : trueClasses) {
      sum += (double) truePositives.getOrDefault(c, 0) / trueCount.get(c);
    }
    return sum / trueClasses.size();
  }

  /** Mean of {@code 2·TP / (2·TP + FP + FN)} over every class in targets or predictions. */
  double macroF1() {
    double sum = 0;
    for (int c : allClasses) {
      int tp = truePositives.getOrDefault(c, 0);
      int fp = predictedCount.getOrDefault(c, 0) - tp;
      int fn = trueCount.getOrDefault(c, 0) - tp;
      sum += 2.0 * tp / (2.0 * tp + fp + fn);
    }
    return sum / allClasses.size();
  }

  private void add(int truth, int predicted) {
    total++;
    trueClasses.add(truth);
    allClasses.add(truth);
    allClasses.add(predicted);
    trueCount.merge(truth, 1, Integer::sum);
    predictedCount.merge(predicted, 1, Integer::sum);
    if (truth == predicted) {
      correct++;
      truePositives.merge(truth, 1, Integer::sum);
    }
  }

  private static int classIndex(double value) {
    if (value != Math.rint(value) || Math.abs(value) > Integer.MAX_VALUE) {
      throw new IllegalArgumentException(value + " is not a class index");
    }
    return (int) value;
  }
}
