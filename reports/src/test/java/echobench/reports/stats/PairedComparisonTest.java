package echobench.reports.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PairedComparisonTest {
  @Test
  void wilcoxonExactPValueOfAConstructedCase() {
    // Differences a − b = +1, −2, +3, +4, +5 → ranks 1..5, W+ = 13, W− = 2.
    // Of the 2^5 = 32 sign patterns, W+ ≥ 13 needs the negative ranks to sum to ≤ 2:
    // {}, {1}, {2} → 3 patterns; two-sided p = 2 · 3/32 = 0.1875.
    double[] a = {11, 18, 23, 34, 45};
    double[] b = {10, 20, 20, 30, 40};
    assertThat(PairedComparison.wilcoxonPValue(a, b)).isCloseTo(0.1875, within(1e-12));
  }

  @Test
  void allDifferencesOneSignGiveTheSmallestExactPValue() {
    // n = 10, every difference positive: only 1 of 2^10 patterns is as extreme; p = 2/1024.
    double[] a = new double[10];
    double[] b = new double[10];
    for (int i = 0; i < 10; i++) {
      a[i] = 5 + i + 1;
      b[i] = 5;
    }
    assertThat(PairedComparison.wilcoxonPValue(a, b)).isCloseTo(2.0 / 1024, within(1e-12));
  }

  @Test
  void zeroDifferencesAreDroppedAndNoDifferenceMeansNoEvidence() {
    // Adding tied pairs to the constructed case must not change it.
    double[] a = {11, 18, 23, 34, 45, 7, 7};
    double[] b = {10, 20, 20, 30, 40, 7, 7};
    assertThat(PairedComparison.wilcoxonPValue(a, b)).isCloseTo(0.1875, within(1e-12));
    assertThat(PairedComparison.wilcoxonPValue(new double[] {1, 2}, new double[] {1, 2}))
        .isEqualTo(1.0);
  }
}
