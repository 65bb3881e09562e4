package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.harness.video.CodecH264;
import echobench.perturb.Clip;
import echobench.perturb.Perturbation;
import echobench.perturb.Perturbations;
import echobench.perturb.ScanMask;
import echobench.perturb.SeverityScale;
import echobench.reports.Condition;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study option {@code reencode: h264}: which conditions it adds and what they apply. */
class ReencodeTest {
  private static final String STUDY = "name: reencode\n"
      + "datasets:\n  adult: {kind: synthetic, cohort: adult, count: 8}\n"
      + "train: adult\n"
      + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
      + "probes:\n  - {kind: attentive}\n"
      + "perturbations:\n"
      + "  - {name: shadow-gauss, severities: [0, 1, 3]}\n"
      + "  - {name: codec-h264, severities: [1]}\n";

  @TempDir Path temp;

  @Test
  void withoutTheKeyNothingIsReencoded() throws IOException {
    StudyConfig config = StudyConfig.read(write(STUDY));
    assertThat(config.reencode()).isEqualTo("none");
    assertThat(config.conditions()).containsExactly(Condition.CLEAN,
        new Condition("shadow-gauss", 0), new Condition("shadow-gauss", 1),
        new Condition("shadow-gauss", 3), new Condition("codec-h264", 1));
  }

  @Test
  void h264AddsAReencodedTwinOfEveryPerturbedCondition() throws IOException {
    StudyConfig config = StudyConfig.read(write(STUDY + "reencode: h264\n"));
    assertThat(config.conditions()).containsExactly(Condition.CLEAN,
        new Condition("shadow-gauss", 0), new Condition("shadow-gauss", 1),
        new Condition("shadow-gauss", 3), new Condition("codec-h264", 1),
        new Condition("shadow-gauss+reencode", 1), new Condition("shadow-gauss+reencode", 3),
        new Condition("codec-h264+reencode", 1));
    Condition twin = new Condition("shadow-gauss+reencode", 3);
    assertThat(Reencode.isReencoded(twin)).isTrue();
    assertThat(Reencode.plain(twin)).isEqualTo(new Condition("shadow-gauss", 3));
    assertThat(Reencode.plain(Condition.CLEAN)).isEqualTo(Condition.CLEAN);
    assertThat(Reencode.dataset("adult")).isEqualTo("adult+reencode");
  }

  @Test
  void anUnknownCodecIsRefusedNamingTheFile() throws IOException {
    Path file = write(STUDY + "reencode: x264\n");
    assertThatThrownBy(() -> StudyConfig.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining("'reencode' must be one of none, h264, not x264");
  }

  @Test
  void aTwinIsItsPlainPerturbationWithTheSameDrawThenTheCodecAtSeverityOne() {
    Clip clip = echo();
    ScanMask mask = ScanMask.full(clip.height(), clip.width());
    long seed = 99;
    Perturbation twin = Reencode.perturbation(new Condition("shadow-gauss+reencode", 3),
        SeverityScale.PUBLISHED);
    Clip shadowed = Perturbations.parse("shadow-gauss", 3).apply(clip, mask, seed);
    Clip expected = CodecH264.SPEC.at(1).apply(shadowed, mask, seed);
    assertThat(twin.apply(clip, mask, seed).data()).isEqualTo(expected.data());
    assertThat(twin.name()).isEqualTo("shadow-gauss+reencode");
    assertThat(twin.severity()).isEqualTo(3);
    assertThat(Reencode.perturbation(new Condition("shadow-gauss", 3), SeverityScale.PUBLISHED)
        .apply(clip, mask, seed).data()).isEqualTo(shadowed.data());
  }

  @Test
  void theFaithfulConfigRunsTheEchoJepaGridAndTheCodecInBothModes() {
    StudyConfig config = StudyConfig.read(
        SmokeConfig.path().getParent().resolve("echojepa-faithful.yaml"));
    assertThat(config.reencodes()).isTrue();
    assertThat(config.models()).extracting(ModelConfig::name)
        .containsExactly("jepa-echo-tiny", "mae-echo-tiny", "random-mini");
    assertThat(config.conditions()).hasSize(1 + 7 + 7).contains(
        new Condition("depth-exp", 3), new Condition("shadow-gauss", 1),
        new Condition("codec-h264", 1), new Condition("depth-exp+reencode", 1),
        new Condition("shadow-gauss+reencode", 3), new Condition("codec-h264+reencode", 1));
  }

  /** A small clip with texture: the shadow and the codec both change it. */
  private static Clip echo() {
    int size = 32;
    int frames = 3;
    float[] data = new float[frames * size * size];
    for (int i = 0; i < data.length; i++) {
      data[i] = ((i * 37) % 200 + 20) / 255f;
    }
    return new Clip(data, 1, frames, size, size, 25, "textured");
  }

  private Path write(String yaml) throws IOException {
    Path file = temp.resolve("study.yaml");
    Files.writeString(file, yaml);
    return file;
  }
}
