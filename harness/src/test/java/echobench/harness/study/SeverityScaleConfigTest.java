package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.perturb.SeverityScale;
import echobench.reports.Condition;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeverityScaleConfigTest {
  private static final String STUDY = "name: scale\n"
      + "datasets:\n  adult: {kind: synthetic, cohort: adult, count: 8}\n"
      + "train: adult\n"
      + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
      + "probes:\n  - {kind: attentive}\n"
      + "perturbations:\n  - {name: haze, severities: [2]}\n";

  @TempDir Path temp;

  @Test
  void theScaleIsPublishedUnlessTheStudyAsksForCalibratedAndCachesDoNotMix() throws IOException {
    StudyConfig published = StudyConfig.read(write(STUDY));
    StudyConfig calibrated = StudyConfig.read(write(STUDY + "severity_scale: Calibrated\n"));
    assertThat(published.scale()).isEqualTo(SeverityScale.PUBLISHED);
    assertThat(calibrated.scale()).isEqualTo(SeverityScale.CALIBRATED);
    Condition haze = new Condition("haze", 2);
    assertThat(calibrated.maskKey(haze)).isNotEqualTo(published.maskKey(haze));
    assertThat(calibrated.maskKey(Condition.CLEAN)).isEqualTo(published.maskKey(Condition.CLEAN));
  }

  @Test
  void anUnknownScaleIsRefusedNamingTheKnownOnes() throws IOException {
    Path bad = write(STUDY + "severity_scale: nominal\n");
    assertThatThrownBy(() -> StudyConfig.read(bad)).isInstanceOf(InputException.class)
        .hasMessageContaining("'severity_scale' must be one of published, calibrated, not nominal");
  }

  private Path write(String text) throws IOException {
    Path file = Files.createTempFile(temp, "study", ".yaml");
    return Files.writeString(file, text);
  }
}
