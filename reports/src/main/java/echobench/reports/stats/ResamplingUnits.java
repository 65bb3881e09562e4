package echobench.reports.stats;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What the paired bootstrap resamples on each dataset: its patients, where the dataset gives a
 * patient id for every video (a resample draws patients with replacement and takes all their
 * videos, so two videos of one patient are always drawn together), else its videos.
 *
 * @param patients per dataset name, the patient id of each video id; a dataset not listed is
 *     resampled by video
 */
public record ResamplingUnits(Map<String, Map<String, String>> patients) {
  /** The unit name of a dataset resampled by patient. */
  public static final String PATIENT = "patient";

  /** The unit name of a dataset resampled by video. */
  public static final String VIDEO = "video";

  /** Every dataset resampled by video. */
  public static final ResamplingUnits VIDEOS = new ResamplingUnits(Map.of());

  /** Copies {@code patients} into sorted, unmodifiable maps. */
  public ResamplingUnits {
    Map<String, Map<String, String>> copy = new TreeMap<>();
    patients.forEach((dataset, byVideo) -> {
      if (!byVideo.isEmpty()) {
        copy.put(dataset, Map.copyOf(new TreeMap<>(byVideo)));
      }
    });
    patients = Map.copyOf(copy);
  }

  /** The patient of each video of {@code dataset}, or empty when it is resampled by video. */
  public Optional<Map<String, String>> patientsOf(String dataset) {
    return Optional.ofNullable(patients.get(dataset));
  }

  /** {@value #PATIENT} or {@value #VIDEO}: what a resample of {@code dataset} draws. */
  public String unit(String dataset) {
    return patients.containsKey(dataset) ? PATIENT : VIDEO;
  }
}
