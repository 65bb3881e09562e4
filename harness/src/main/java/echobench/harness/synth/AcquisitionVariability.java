package echobench.harness.synth;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether a cohort's scanner settings vary from video to video, as they do between real scanners,
 * sonographers and patients, or are held at one nominal setting.
 *
 * <p>{@link #VARIED} draws gain, time-gain compensation (far-field slope and near-field setting),
 * near-field clutter, imaging depth margin, dynamic range, sector width, transducer frequency and
 * noise floor per video ({@link Cohort#drawAcquisition}). {@link #FIXED} draws exactly the same
 * random numbers, so the subjects, poses and speckle are the same videos' ones, and then replaces
 * every scanner setting by its nominal value: only the anatomy and the speckle differ between
 * videos.
 */
public enum AcquisitionVariability {
  VARIED,
  FIXED;

  /** The name used in configs and on the command line: {@code varied} or {@code fixed}. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The variability called {@code key} (case-insensitive), if there is one. */
  public static Optional<AcquisitionVariability> named(String key) {
    for (AcquisitionVariability v : values()) {
      if (v.key().equalsIgnoreCase(key.strip())) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }
}
