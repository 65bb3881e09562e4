package echobench.reports.stats;

import java.util.Objects;

/**
 * How confidence intervals are bootstrapped: the number of resamples, the seed that fixes the
 * resampled index sets, the coverage of the percentile interval, and the unit resampled on each
 * dataset (patients where known, else videos).
 */
public record BootstrapSettings(int resamples, long seed, double level, ResamplingUnits units) {
  /** The default number of resamples. */
  public static final int DEFAULT_RESAMPLES = 1000;

  /** The default coverage. */
  public static final double DEFAULT_LEVEL = 0.95;

  /** @throws IllegalArgumentException for fewer than one resample or a level outside (0, 1) */
  public BootstrapSettings {
    Objects.requireNonNull(units, "units");
    if (resamples < 1) {
      throw new IllegalArgumentException("resamples must be at least 1, not " + resamples);
    }
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("confidence level must be in (0, 1), not " + level);
    }
  }

  /** Settings that resample every dataset by video. */
  public BootstrapSettings(int resamples, long seed, double level) {
    this(resamples, seed, level, ResamplingUnits.VIDEOS);
  }

  /** These settings with {@code units} resampled. */
  public BootstrapSettings withUnits(ResamplingUnits units) {
    return new BootstrapSettings(resamples, seed, level, units);
  }

  /** {@value #DEFAULT_RESAMPLES} resamples at 95 % with the given seed. */
  public static BootstrapSettings withSeed(long seed) {
    return new BootstrapSettings(DEFAULT_RESAMPLES, seed, DEFAULT_LEVEL);
  }
}
