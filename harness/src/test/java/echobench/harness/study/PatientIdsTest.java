package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.reports.Condition;
import echobench.reports.results.Prediction;
import echobench.reports.stats.ResamplingUnits;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatientIdsTest {
  @Test
  void aDatasetWithPatientIdsAndItsReencodedTwinAreResampledByPatientOthersByVideo() {
    StudyDataset pediatric = dataset("pediatric",
        sample("A4C/CR1-1", "CR1"), sample("PSAX/CR1-2", "CR1"), sample("A4C/CR2-1", "CR2"));
    StudyDataset adult = dataset("adult", sample("0X1", null), sample("0X2", null));
    StudyDataset mixed = dataset("mixed", sample("m1", "P1"), sample("m2", null));
    List<Prediction> predictions = List.of(
        prediction("pediatric", "A4C/CR1-1"), prediction("pediatric", "PSAX/CR1-2"),
        prediction("pediatric", "A4C/CR2-1"),
        prediction("pediatric" + Reencode.SUFFIX, "A4C/CR1-1"),
        prediction("adult", "0X1"), prediction("mixed", "m1"), prediction("mixed", "m2"));

    ResamplingUnits units = PatientIds.of(
        Map.of("pediatric", pediatric, "adult", adult, "mixed", mixed), predictions);

    assertThat(units.patientsOf("pediatric")).contains(
        Map.of("A4C/CR1-1", "CR1", "PSAX/CR1-2", "CR1", "A4C/CR2-1", "CR2"));
    assertThat(units.patientsOf("pediatric+reencode")).contains(Map.of("A4C/CR1-1", "CR1"));
    assertThat(units.unit("adult")).isEqualTo(ResamplingUnits.VIDEO);
    // One video without a patient id: the whole dataset is resampled by video.
    assertThat(units.unit("mixed")).isEqualTo(ResamplingUnits.VIDEO);
  }

  private static StudyDataset dataset(String name, Sample... samples) {
    return new StudyDataset(name, List.of(samples), name, Path.of(name));
  }

  private static Sample sample(String id, String patient) {
    return new Sample(id, List.of(Path.of(id + ".avi")), 55f, null, Split.TEST,
        patient == null ? Map.of() : Map.of(PatientIds.PATIENT, patient));
  }

  private static Prediction prediction(String dataset, String video) {
    return new Prediction("m/linear", dataset, Condition.CLEAN, video, 55, 50);
  }
}
