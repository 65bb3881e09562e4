package echobench.reports.metrics;

import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The area under the ROC curve of a binary labelling by the rank (Mann–Whitney) formula
 * {@code (R₊ − n₊(n₊+1)/2) / (n₊·n₋)}, where R₊ is the sum of the positives' ranks of the score
 * (higher ranks a video as more likely positive) and ties get their mean rank (counting half).
 */
final class Auroc {
  private Auroc() {}

  /** The AUROC of {@code score} for {@code positive}; NaN when one class is absent. */
  static double of(boolean[] positive, double[] score) {
    double[] ranks = new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(score);
    long positives = 0;
    double positiveRankSum = 0;
    for (int i = 0; i < positive.length; i++) {
      if (positive[i]) {
        positives++;
        positiveRankSum += ranks[i];
      }
    }
    long negatives = positive.length - positives;
    if (positives == 0 || negatives == 0) {
      return Double.NaN;
    }
    return (positiveRankSum - positives * (positives + 1) / 2.0) / ((double) positives * negatives);
  }
}
