package echobench.harness.study;

import echobench.models.probe.ProbeTask;
import echobench.reports.metrics.LvefCategory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A stratified random share of a training split, by label. Regression labels (ejection fraction,
 * in %) fall in the three LVEF categories (reduced ≤ 40, mildly reduced 40–50, normal ≥ 50);
 * classification labels are their own stratum per class. From each stratum present with {@code
 * n} samples the draw keeps {@code max(1, round(fraction · n))}, so every stratum present stays
 * present, chosen uniformly without replacement from a {@link SplittableRandom} of the given
 * seed; the kept indices are returned in ascending (store) order.
 */
final class StratifiedDraw {
  private StratifiedDraw() {}

  /**
   * The indices into {@code labels} kept by the draw of {@code fraction} with {@code seed}.
   *
   * @throws IllegalArgumentException for a fraction outside (0, 1] or no labels
   */
  static int[] indices(float[] labels, ProbeTask task, double fraction, long seed) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must lie in (0, 1], not " + fraction);
    }
    if (labels.length == 0) {
      throw new IllegalArgumentException("no labels to draw from");
    }
    int strata = task.isRegression() ? 3 : task.classes();
    List<List<Integer>> members = new ArrayList<>();
    for (int s = 0; s < strata; s++) {
      members.add(new ArrayList<>());
    }
    for (int i = 0; i < labels.length; i++) {
      members.get(stratum(labels[i], task)).add(i);
    }
    SplittableRandom random = new SplittableRandom(seed);
    List<Integer> kept = new ArrayList<>();
    for (List<Integer> stratum : members) {
      int n = stratum.size();
      if (n == 0) {
        continue;
      }
      int keep = (int) Math.max(1, Math.round(fraction * n));
      int[] order = stratum.stream().mapToInt(Integer::intValue).toArray();
      for (int i = 0; i < keep; i++) {
        int j = i + random.nextInt(n - i);
        int swap = order[i];
        order[i] = order[j];
        order[j] = swap;
        kept.add(order[i]);
      }
    }
    int[] indices = kept.stream().mapToInt(Integer::intValue).toArray();
    Arrays.sort(indices);
    return indices;
  }

  /** The stratum of {@code label}: its LVEF category 0..2, or its class. */
  static int stratum(float label, ProbeTask task) {
    if (!task.isRegression()) {
      return (int) label;
    }
    return LvefCategory.of(label).ordinal();
  }
}
