package echobench.harness.data;

import echobench.reports.io.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Groups a dataset's single-view samples by patient into multi-view samples: one per patient, its
 * videos in the given view order (e.g. A4C then A2C for biplane EF).
 *
 * <p>Each input sample needs a view and a patient id ({@link Sample#PATIENT}: the {@code Patient}
 * column of an EchoNet-Dynamic style file list, the file-name prefix of EchoNet-Pediatric).
 * Samples of other views are left out. The grouped sample's id is the patient id, its video ids the
 * views' own sample ids (so each video keeps its perturbation seed), its EF and split those of the
 * patient's views (which must agree), its view {@code null}, and its metadata the patient id and
 * every other entry on which all its views agree. A patient who lacks one of the views, or has one
 * twice, is an error.
 */
public final class PatientViews {
  private PatientViews() {}

  /**
   * The multi-view samples of {@code samples} in {@code views} order, patients in the order of
   * their first video.
   *
   * @param source the index file, named in messages
   * @throws InputException for a sample without view or patient, a patient with a view missing
   *     or repeated, or views of one patient whose EF or split differ
   */
  public static List<Sample> group(List<Sample> samples, List<EchoView> views, Path source) {
    if (views.isEmpty() || views.stream().distinct().count() != views.size()) {
      throw new IllegalArgumentException("views must be distinct and not empty: " + views);
    }
    Map<String, Map<EchoView, Sample>> patients = new LinkedHashMap<>();
    for (Sample sample : samples) {
      if (sample.isMultiView() || sample.view() == null) {
        throw new InputException(source + ": sample " + sample.id()
            + " is not one video of a known view, so it cannot be grouped by patient");
      }
      EchoView view = EchoView.values()[sample.view()];
      if (!views.contains(view)) {
        continue;
      }
      String patient = sample.patient().orElseThrow(() -> new InputException(source
          + ": sample " + sample.id() + " has no patient id (a multi-view dataset groups the "
          + "videos of a patient: add a " + EchoNetDynamicDataset.PATIENT_COLUMN + " column)"));
      Sample earlier = patients.computeIfAbsent(patient, p -> new EnumMap<>(EchoView.class))
          .putIfAbsent(view, sample);
      if (earlier != null) {
        throw new InputException(source + ": patient " + patient + " has two " + view
            + " videos, " + earlier.id() + " and " + sample.id());
      }
    }
    List<Sample> grouped = new ArrayList<>(patients.size());
    for (Map.Entry<String, Map<EchoView, Sample>> entry : patients.entrySet()) {
      grouped.add(merge(entry.getKey(), entry.getValue(), views, source));
    }
    return grouped;
  }

  private static Sample merge(
      String patient, Map<EchoView, Sample> byView, List<EchoView> views, Path source) {
    List<Sample> ordered = new ArrayList<>(views.size());
    for (EchoView view : views) {
      Sample sample = byView.get(view);
      if (sample == null) {
        throw new InputException(source + ": patient " + patient + " has no " + view
            + " video (each patient needs " + views + ")");
      }
      ordered.add(sample);
    }
    Sample first = ordered.get(0);
    Map<String, String> metadata = new LinkedHashMap<>(first.metadata());
    for (Sample other : ordered.subList(1, ordered.size())) {
      if (!Objects.equals(other.ef(), first.ef())) {
        throw new InputException(source + ": patient " + patient + " has EF " + first.ef()
            + " on " + first.id() + " but " + other.ef() + " on " + other.id());
      }
      if (other.split() != first.split()) {
        throw new InputException(source + ": patient " + patient + " is in "
            + first.split() + " on " + first.id() + " but in " + other.split() + " on "
            + other.id());
      }
      metadata.entrySet().removeIf(e -> !e.getValue().equals(other.metadata().get(e.getKey())));
    }
    metadata.put(Sample.PATIENT, patient);
    return new Sample(patient, ordered.stream().flatMap(s -> s.videos().stream()).toList(),
        ordered.stream().map(Sample::id).toList(), first.ef(), null, first.split(), metadata);
  }
}
