package echobench.harness.pretrain;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.EchoView;
import echobench.harness.synth.AcquisitionVariability;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortWriter;
import echobench.harness.synth.EchoSimulator;
import echobench.harness.video.VideoReader;
import echobench.models.pretrain.ClipShape;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticClipSourceTest {
  private static final AcquisitionVariability VARIED = AcquisitionVariability.VARIED;
  private static final int FRAMES = 4;
  private static final int SIZE = 32;

  private static float[] clip(SyntheticClipSource source, int index) {
    float[] clip = new float[source.shape().length()];
    source.fill(index, clip);
    return clip;
  }

  @Test
  void theSameSeedGivesTheSameClipsBitForBit() {
    SyntheticClipSource a = SyntheticClipSource.simulate(Cohort.ADULT, 3, 5, FRAMES, SIZE, VARIED);
    SyntheticClipSource b = SyntheticClipSource.simulate(Cohort.ADULT, 3, 5, FRAMES, SIZE, VARIED);

    assertThat(a.size()).isEqualTo(3);
    assertThat(a.shape()).isEqualTo(new ClipShape(1, FRAMES, SIZE, SIZE));
    for (int i = 0; i < 3; i++) {
      assertThat(clip(a, i)).containsExactly(clip(b, i));
    }
  }

  @Test
  void clipsAreEightBitIntensitiesAndDifferBetweenSubjectsAndSeeds() {
    SyntheticClipSource source = SyntheticClipSource.simulate(Cohort.PEDIATRIC, 2, 1, FRAMES,
        SIZE, VARIED);
    SyntheticClipSource reseeded = SyntheticClipSource.simulate(Cohort.PEDIATRIC, 2, 2, FRAMES,
        SIZE, VARIED);

    float[] first = clip(source, 0);
    for (float v : first) {
      assertThat(v).isBetween(0f, 1f);
      assertThat(v * 255).isCloseTo(Math.round(v * 255), org.assertj.core.api.Assertions.within(1e-3f));
    }
    assertThat(meanAbsoluteDifference(first, clip(source, 1))).isGreaterThan(0.01);
    assertThat(meanAbsoluteDifference(first, clip(reseeded, 0))).isGreaterThan(0.01);
    assertThat(source.describe()).contains("synthetic-pediatric cohort, 2 subjects, seed 1")
        .endsWith("acquisition varied, simulator revision " + EchoSimulator.REVISION);
  }

  @Test
  void fixedSettingsRecordTheSameSubjectsDifferentlyAndSaySo() {
    SyntheticClipSource varied = SyntheticClipSource.simulate(Cohort.ADULT, 2, 3, FRAMES, SIZE,
        VARIED);
    SyntheticClipSource fixed = SyntheticClipSource.simulate(Cohort.ADULT, 2, 3, FRAMES, SIZE,
        AcquisitionVariability.FIXED);

    for (int i = 0; i < 2; i++) {
      assertThat(meanAbsoluteDifference(clip(varied, i), clip(fixed, i))).isGreaterThan(0.001);
    }
    assertThat(fixed.describe()).contains("acquisition fixed");
  }

  @Test
  void noPretrainingClipIsAVideoOfTheEvaluationCohortWithTheSameSeed(@TempDir Path dir) {
    long seed = 0;
    new CohortWriter(Cohort.ADULT, seed, SIZE, FRAMES, SyntheticClipSource.FPS,
        List.of(EchoView.A4C), 1).write(2, dir, () -> { });
    SyntheticClipSource pretraining = SyntheticClipSource.simulate(Cohort.ADULT, 2, seed, FRAMES,
        SIZE, VARIED);

    List<Path> videos = EchoNetDynamicDataset.load(dir).samples().stream().map(s -> s.video()).toList();
    for (Path video : videos) {
      float[] evaluation = VideoReader.read(video).data();
      for (int i = 0; i < pretraining.size(); i++) {
        assertThat(meanAbsoluteDifference(evaluation, clip(pretraining, i))).isGreaterThan(0.01);
      }
    }
    assertThat(SyntheticClipSource.cohortSeed(seed, Cohort.ADULT))
        .isNotEqualTo(seed)
        .isNotEqualTo(SyntheticClipSource.cohortSeed(seed, Cohort.PEDIATRIC));
  }

  static double meanAbsoluteDifference(float[] a, float[] b) {
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      sum += Math.abs(a[i] - b[i]);
    }
    return sum / a.length;
  }
}
