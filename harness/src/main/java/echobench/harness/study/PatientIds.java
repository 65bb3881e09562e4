package echobench.harness.study;

import echobench.reports.results.Prediction;
import echobench.reports.stats.ResamplingUnits;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The patient ids of a study's evaluated videos, from the samples' {@code patient} metadata
 * (EchoNet-Pediatric and the synthetic pediatric cohort fill it): a dataset whose every evaluated
 * video has one is resampled by patient in the paired bootstrap, any other by video. The
 * re-encoded twin of a dataset ({@code <name>+reencode}) has the patients of its source.
 */
final class PatientIds {
  /** The metadata key of a sample's patient id. */
  static final String PATIENT = "patient";

  private PatientIds() {}

  /** The resampling units of the datasets {@code predictions} evaluate. */
  static ResamplingUnits of(Map<String, StudyDataset> datasets, List<Prediction> predictions) {
    Map<String, Map<String, String>> sources = new HashMap<>();
    Map<String, Map<String, String>> patients = new LinkedHashMap<>();
    Map<String, Boolean> complete = new LinkedHashMap<>();
    for (Prediction p : predictions) {
      String source = p.dataset().endsWith(Reencode.SUFFIX)
          ? p.dataset().substring(0, p.dataset().length() - Reencode.SUFFIX.length())
          : p.dataset();
      Map<String, String> byVideo = sources.computeIfAbsent(source, s -> patientsOf(datasets, s));
      String patient = byVideo.get(p.video());
      complete.merge(p.dataset(), patient != null, Boolean::logicalAnd);
      if (patient != null) {
        patients.computeIfAbsent(p.dataset(), d -> new HashMap<>()).put(p.video(), patient);
      }
    }
    complete.forEach((dataset, all) -> {
      if (!all) {
        patients.remove(dataset);
      }
    });
    return new ResamplingUnits(patients);
  }

  private static Map<String, String> patientsOf(Map<String, StudyDataset> datasets,
      String name) {
    Map<String, String> byVideo = new HashMap<>();
    Optional.ofNullable(datasets.get(name)).ifPresent(d -> d.samples().forEach(s -> {
      String patient = s.metadata().get(PATIENT);
      if (patient != null && !patient.isBlank()) {
        byVideo.put(s.id(), patient);
      }
    }));
    return byVideo;
  }
}
