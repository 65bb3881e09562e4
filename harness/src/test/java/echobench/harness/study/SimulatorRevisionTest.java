package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.pretrain.PretrainRunner;
import echobench.models.pretrain.PretrainConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator's revision is part of the cache keys of simulated data: a cohort or an encoder
 * pretrained on simulated clips is not reused across revisions, while one pretrained on a dataset
 * folder is.
 */
class SimulatorRevisionTest {
  private static final SyntheticSpec COHORT =
      new SyntheticSpec(null, null, "adult", 6, 32, 8, 25.0, 3L, null);

  @Test
  void twoRevisionsGiveTwoCohortKeys() {
    assertThat(SyntheticCohorts.key(COHORT, 2)).isEqualTo(SyntheticCohorts.key(COHORT, 2))
        .isNotEqualTo(SyntheticCohorts.key(COHORT, 3));
  }

  @Test
  void fixedAndVariedSettingsAreTwoCohorts() {
    SyntheticSpec fixed =
        new SyntheticSpec(null, null, "adult", 6, 32, 8, 25.0, 3L, null, null, "FIXED");
    SyntheticSpec varied =
        new SyntheticSpec(null, null, "adult", 6, 32, 8, 25.0, 3L, null, null, "varied");
    assertThat(fixed.acquisition()).isEqualTo("fixed");
    assertThat(SyntheticCohorts.key(varied, 2)).isEqualTo(SyntheticCohorts.key(COHORT, 2))
        .isNotEqualTo(SyntheticCohorts.key(fixed, 2));
  }

  @Test
  void twoRevisionsGiveTwoPretrainedEncodersOnlyForSimulatedClips(@TempDir Path dir)
      throws IOException {
    Path shipped = Path.of("src/test/resources/pretrain/jepa-tiny.yaml");
    PretrainConfig simulated = PretrainRunner.readConfig(shipped);
    Path onFolder = Files.writeString(dir.resolve("folder.yaml"), Files.readString(shipped)
        .replace("source: synthetic-adult", "source: some/dataset"));
    PretrainConfig read = PretrainRunner.readConfig(onFolder);

    assertThat(PretrainSource.cacheKey(simulated, 2))
        .isNotEqualTo(PretrainSource.cacheKey(simulated, 3));
    assertThat(PretrainSource.cacheKey(read, 2)).isEqualTo(PretrainSource.cacheKey(read, 3))
        .isEqualTo(read.sha256().substring(0, 16));
  }
}
