package echobench.reports.metrics;


/** The regression metrics behind {@link Metric}: errors, R² and the reduced-EF AUROC. */
final class RegressionMetrics {
  /** LVEF below this many percent is "reduced EF", the positive class of the AUROC. */
  static final double REDUCED_EF_THRESHOLD = 50.0;

  private RegressionMetrics() {}

  static double meanAbsoluteError(double[] target, double[] prediction) {
    double sum = 0;
    for (int i = 0; i < target.length; i++) {
      sum += Math.abs(prediction[i] - target[i]);
    }
    return sum / target.length;
  }

  static double rootMeanSquaredError(double[] target, double[] prediction) {
    return Math.sqrt(residualSumOfSquares(target, prediction) / target.length);
  }

  /** {@code 1 − SS_res / SS_tot}; NaN when the targets are all equal. */
  static double coefficientOfDetermination(double[] target, double[] prediction) {
    double mean = 0;
    for (double t : target) {
      mean += t;
    }
    mean /= target.length;
    double total = 0;
    for (double t : target) {
      total += (t - mean) * (t - mean);
    }
    return total == 0 ? Double.NaN : 1 - residualSumOfSquares(target, prediction) / total;
  }

  /**
   * AUROC with positives {@code target < threshold} and lower predictions ranking higher, by the
   * rank (Mann–Whitney) formula {@code (R₊ − n₊(n₊+1)/2) / (n₊·n₋)}, where R₊ is the sum of the
   * positives' ranks of {@code −prediction} and ties get their mean rank (counting half).
   * NaN when one class is absent.
   */
  static double aurocBelow(double[] target, double[] prediction, double threshold) {
    boolean[] positive = new boolean[target.length];
    double[] score = new double[prediction.length];
    for (int i = 0; i < prediction.length; i++) {
      positive[i] = target[i] < threshold;
      score[i] = -prediction[i];
    }
    return Auroc.of(positive, score);
  }

  private static double residualSumOfSquares(double[] target, double[] prediction) {
    double sum = 0;
    for (int i = 0; i < target.length; i++) {
      double r = prediction[i] - target[i];
      sum += r * r;
    }
    return sum;
  }
}
