package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.reports.stats.BootstrapSettings;

/**
 * The paired bootstrap of the confidence intervals (DESIGN §6).
 *
 * @param resamples resampled index sets per dataset (default 1000)
 * @param confidence coverage of the percentile interval (default 0.95)
 */
public record BootstrapConfig(
    @JsonProperty("resamples") Integer resamples,
    @JsonProperty("confidence") Double confidence) {

  /** Most resamples. */
  public static final int MAX_RESAMPLES = 100_000;

  /** Fills the defaults and checks the ranges. */
  public BootstrapConfig {
    resamples = resamples == null ? BootstrapSettings.DEFAULT_RESAMPLES : resamples;
    confidence = confidence == null ? BootstrapSettings.DEFAULT_LEVEL : confidence;
    if (resamples < 1 || resamples > MAX_RESAMPLES || !(confidence > 0 && confidence < 1)) {
      throw new IllegalArgumentException("bootstrap: resamples must be 1.." + MAX_RESAMPLES
          + " and confidence inside (0, 1)");
    }
  }

  /** The defaults. */
  public static BootstrapConfig defaults() {
    return new BootstrapConfig(null, null);
  }

  /** The settings with the run's seed. */
  BootstrapSettings settings(long seed) {
    return new BootstrapSettings(resamples, seed, confidence);
  }
}
