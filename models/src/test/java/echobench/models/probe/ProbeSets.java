package echobench.models.probe;

import java.util.List;

/** Small hand-made feature sets for probe tests. */
final class ProbeSets {
  private ProbeSets() {}

  /**
   * One single-token clip per sample, the token being {@code points[i]}: the pooled feature is the
   * point itself.
   */
  static FeatureSet points(ProbeTask task, float[][] points, float[] labels) {
    FeatureSet.Builder set = FeatureSet.builder(FeatureLayout.single(1, points[0].length), task);
    for (int i = 0; i < points.length; i++) {
      set.add(FeatureSample.of("p" + i, points[i].clone(), labels[i]));
    }
    return set.build();
  }

  /** The mean absolute error of always predicting {@code constant}. */
  static double constantMae(float[] targets, double constant) {
    double sum = 0;
    for (float t : targets) {
      sum += Math.abs(t - constant);
    }
    return sum / targets.length;
  }

  /** The mean of {@code values}. */
  static double mean(float[] values) {
    double sum = 0;
    for (float v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** A grid of one learning rate and weight decay. */
  static ProbeTraining training(int epochs, int batchSize, List<Double> lrs, List<Double> wds) {
    return new ProbeTraining(epochs, batchSize, lrs, wds, 0.0, 11);
  }
}
