package echobench.reports.metrics;

import java.util.TreeSet;

/** Metrics of a classifier's class probabilities rather than its arg-max class. */
final class ClassProbabilityMetrics {
  private ClassProbabilityMetrics() {}

  /**
   * The unweighted mean over the classes present in the targets of each class's one-vs-rest
   * AUROC, ranking the videos by that class's probability; classes absent from the targets are
   * skipped, and the mean is NaN when fewer than two classes are present.
   *
   * @throws IllegalArgumentException when the videos carry no class probabilities, or a target is
   *     not a class of the probability rows
   */
  static double macroOneVsRestAuroc(Scored scored) {
    if (!scored.hasScores()) {
      throw new IllegalArgumentException(
          "macro_auroc needs the class probabilities of every video (the scores column)");
    }
    double[] targets = scored.targets();
    TreeSet<Integer> present = new TreeSet<>();
    for (double t : targets) {
      int c = (int) t;
      if (c != t || c < 0 || c >= scored.scores()[0].length) {
        throw new IllegalArgumentException(
            "target " + t + " is not a class of " + scored.scores()[0].length + " probabilities");
      }
      present.add(c);
    }
    if (present.size() < 2) {
      return Double.NaN;
    }
    double sum = 0;
    boolean[] positive = new boolean[targets.length];
    double[] score = new double[targets.length];
    for (int c : present) {
      for (int i = 0; i < targets.length; i++) {
        positive[i] = targets[i] == c;
        score[i] = scored.scores()[i][c];
      }
      sum += Auroc.of(positive, score);
    }
    return sum / present.size();
  }
}
