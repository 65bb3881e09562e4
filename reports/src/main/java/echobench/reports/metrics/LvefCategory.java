package echobench.reports.metrics;

/**
 * The clinical LVEF categories (heart failure with reduced, mildly reduced and preserved ejection
 * fraction) with exact boundaries for a non-integer EF in percent: EF ≤ 40 is reduced, 40 < EF <
 * 50 mildly reduced, EF ≥ 50 normal. So 40 is reduced, 40.01 and 49.99 are mildly reduced, and 50
 * is normal.
 */
public enum LvefCategory {
  /** EF ≤ 40 %. */
  REDUCED,
  /** 40 % < EF < 50 %. */
  MILDLY_REDUCED,
  /** EF ≥ 50 %. */
  NORMAL;

  /** The highest EF, in percent, that is still reduced. */
  public static final double REDUCED_MAX = 40;

  /** The lowest EF, in percent, that is normal. */
  public static final double NORMAL_MIN = 50;

  /**
   * The category of an ejection fraction in percent.
   *
   * @throws IllegalArgumentException for NaN
   */
  public static LvefCategory of(double ef) {
    if (Double.isNaN(ef)) {
      throw new IllegalArgumentException("an ejection fraction of NaN has no category");
    }
    if (ef <= REDUCED_MAX) {
      return REDUCED;
    }
    return ef < NORMAL_MIN ? MILDLY_REDUCED : NORMAL;
  }

  /**
   * The share of positions {@code i} where {@code of(reference[i])} and {@code of(predicted[i])}
   * differ (arrays of equal, non-zero length).
   */
  static double disagreement(double[] reference, double[] predicted) {
    int differ = 0;
    for (int i = 0; i < reference.length; i++) {
      if (of(reference[i]) != of(predicted[i])) {
        differ++;
      }
    }
    return (double) differ / reference.length;
  }
}
