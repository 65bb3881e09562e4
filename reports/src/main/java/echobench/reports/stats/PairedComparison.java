package echobench.reports.stats;

import java.util.Arrays;
import org.apache.commons.math3.stat.inference.WilcoxonSignedRankTest;

/**
 * Model-vs-model tests on per-video absolute errors (DESIGN §6): a paired bootstrap of the mean
 * difference, and the Wilcoxon signed-rank test.
 */
public final class PairedComparison {
  /**
   * Up to this many non-zero differences the Wilcoxon p-value is exact, above it the normal
   * approximation. Commons Math enumerates all 2^n sign patterns for the exact value, so the
   * limit keeps that to at most 65,536 patterns (a few milliseconds).
   */
  static final int EXACT_WILCOXON_LIMIT = 16;

  private PairedComparison() {}

  /**
   * Compares the per-video absolute errors of A and B, both in {@code bootstrap.videos()} order.
   */
  public static ModelComparison compare(
      PairedBootstrap bootstrap, double[] absErrorsA, double[] absErrorsB) {
    if (absErrorsA.length != absErrorsB.length) {
      throw new IllegalArgumentException(
          absErrorsA.length + " errors for A but " + absErrorsB.length + " for B");
    }
    double[] difference = new double[absErrorsA.length];
    for (int i = 0; i < difference.length; i++) {
      difference[i] = absErrorsA[i] - absErrorsB[i];
    }
    return new ModelComparison(bootstrap.meanInterval(difference),
        wilcoxonPValue(absErrorsA, absErrorsB), difference.length);
  }

  /**
   * The two-sided Wilcoxon signed-rank p-value of paired samples. Pairs with a zero difference
   * are dropped first (Wilcoxon's treatment; Commons Math would rank them as negative), and the
   * p-value is 1 when no pair differs. Ties among the remaining |differences| get mean ranks.
   */
  public static double wilcoxonPValue(double[] a, double[] b) {
    int kept = 0;
    double[] x = new double[a.length];
    double[] y = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      if (a[i] != b[i]) {
        x[kept] = a[i];
        y[kept] = b[i];
        kept++;
      }
    }
    if (kept == 0) {
      return 1.0;
    }
    return new WilcoxonSignedRankTest().wilcoxonSignedRankTest(
        Arrays.copyOf(x, kept), Arrays.copyOf(y, kept), kept <= EXACT_WILCOXON_LIMIT);
  }
}
