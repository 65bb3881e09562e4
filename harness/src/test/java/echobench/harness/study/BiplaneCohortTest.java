package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.EchoView;
import echobench.harness.data.PatientViews;
import echobench.harness.data.Sample;
import echobench.harness.synth.CohortWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A synthetic adult cohort with {@code biplane: true}: both apical views of every subject, grouped
 * by patient into (A4C, A2C) samples whose label is the biplane EF; the four-chamber videos are the
 * ones a single-view A4C cohort of the same seed writes.
 */
class BiplaneCohortTest {
  private static SyntheticSpec adult(List<String> views, Boolean biplane) {
    return new SyntheticSpec(null, null, "adult", 3, 32, 8, 25.0, 3L, views, biplane);
  }

  @Test
  void biplaneCohortGroupsBothApicalViewsOfEachSubject(@TempDir Path cache) throws IOException {
    SyntheticSpec biplane = adult(null, true);
    assertThat(biplane.views()).containsExactly("A4C", "A2C");
    SyntheticCohorts cohorts = new SyntheticCohorts(cache, new StudyProgress(false));
    Path root = cohorts.materialise(biplane);
    Path single = cohorts.materialise(adult(List.of("A4C"), null));
    List<Sample> videos = EchoNetDynamicDataset.load(root).samples();
    assertThat(videos).hasSize(6);
    List<Sample> patients = PatientViews.group(videos, CohortWriter.BIPLANE_VIEWS,
        root.resolve(EchoNetDynamicDataset.FILE_LIST));
    Map<String, Sample> alone = EchoNetDynamicDataset.load(single).samples().stream()
        .collect(Collectors.toMap(Sample::id, Function.identity()));
    Map<String, Sample> byId = videos.stream()
        .collect(Collectors.toMap(Sample::id, Function.identity()));

    assertThat(patients).extracting(Sample::id).containsExactly("PT00001", "PT00002", "PT00003");
    for (Sample patient : patients) {
      Sample a4c = byId.get(patient.videoIds().get(0));
      Sample a2c = byId.get(patient.videoIds().get(1));
      assertThat(a4c.view()).isEqualTo(EchoView.A4C.classIndex());
      assertThat(a2c.view()).isEqualTo(EchoView.A2C.classIndex());
      assertThat(patient.ef()).isEqualTo(a4c.ef()).isEqualTo(a2c.ef());
      assertThat(patient.split()).isEqualTo(a4c.split()).isEqualTo(a2c.split());
      // The four-chamber video and its single-plane EF are the single-view cohort's, unchanged.
      Sample same = alone.get(a4c.id());
      assertThat(Files.readAllBytes(a4c.video())).isEqualTo(Files.readAllBytes(same.video()));
      assertThat(Float.parseFloat(a4c.metadata().get(CohortWriter.SINGLE_PLANE_EF_COLUMN)))
          .isEqualTo(same.ef());
      assertThat(Files.readAllBytes(a2c.video())).isNotEqualTo(Files.readAllBytes(a4c.video()));
    }
  }

  @Test
  void biplaneIsAnAdultSyntheticKeyWithBothApicalViews() {
    assertThat(adult(List.of("A4C", "A2C"), true).isBiplane()).isTrue();
    assertThat(adult(null, null).isBiplane()).isFalse();
    assertThat(adult(null, null).views()).containsExactly("A4C");
    assertThatThrownBy(() -> adult(List.of("A4C"), true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("a biplane cohort has views [A4C, A2C], not [A4C]");
    assertThatThrownBy(() -> new SyntheticSpec(null, null, "pediatric", 3, 32, 8, 25.0, 3L, null,
        true))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("key 'biplane' does not apply to a synthetic dataset of the pediatric cohort");
  }
}
