package echobench.harness.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.EchoView;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.harness.study.ClipSampler;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortWriter;
import echobench.harness.video.VideoReader;
import echobench.models.pretrain.ClipShape;
import echobench.perturb.Clip;
import echobench.reports.io.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetClipSourceTest {
  private static final int VIDEO_FRAMES = 12;
  private static final int FRAMES = 3; // a window spans 5 frames at step 2: two per 12-frame video
  private static final int RESOLUTION = 32;

  @TempDir static Path cohort;
  private static List<Sample> train;

  /** Eight adult subjects (six TRAIN); the VAL and TEST videos are then overwritten with junk. */
  @BeforeAll
  static void writeCohort() throws Exception {
    new CohortWriter(Cohort.ADULT, 3, 40, VIDEO_FRAMES, 50, List.of(EchoView.A4C), 2)
        .write(8, cohort, () -> { });
    EchoNetDynamicDataset dataset = EchoNetDynamicDataset.load(cohort);
    train = dataset.samples(Split.TRAIN);
    for (Sample held : dataset.samples()) {
      if (held.split() != Split.TRAIN) {
        Files.writeString(held.video(), "not a video");
      }
    }
  }

  private static float[] clip(DatasetClipSource source, int index) {
    float[] clip = new float[source.shape().length()];
    source.fill(index, clip);
    return clip;
  }

  @Test
  void everyWindowOfEveryTrainVideoAndNoOtherIsAClip() {
    DatasetClipSource source = DatasetClipSource.open(cohort, 0, 0, FRAMES, RESOLUTION);

    assertThat(train).hasSize(6);
    assertThat(source.size()).isEqualTo(2 * train.size());
    assertThat(source.shape()).isEqualTo(new ClipShape(1, FRAMES, RESOLUTION, RESOLUTION));
    for (int i = 0; i < source.size(); i++) {
      for (float v : clip(source, i)) {
        assertThat(v).isBetween(0f, 1f);
      }
    }
  }

  @Test
  void aWindowHoldsEverySecondFrameFromItsStartResizedAsTheStudyResizes() {
    DatasetClipSource source = DatasetClipSource.open(cohort, 0, 0, FRAMES, RESOLUTION);
    Clip video = VideoReader.read(train.get(0).video());
    int plane = video.height() * video.width();
    float[] second = new float[FRAMES * plane];
    for (int f = 0; f < FRAMES; f++) {
      System.arraycopy(video.data(), (5 + 2 * f) * plane, second, f * plane, plane);
    }
    Clip window = new Clip(second, 1, FRAMES, video.height(), video.width(), video.fps(), "w");

    float[] expected = new ClipSampler(FRAMES, 1, 1, RESOLUTION).sample(window).get(0);

    assertThat(clip(source, 1)).containsExactly(expected);
    assertThat(SyntheticClipSourceTest.meanAbsoluteDifference(clip(source, 0), expected))
        .isGreaterThan(0.001);
  }

  @Test
  void aClipCountChoosesTheSameWindowsForTheSameSeed() {
    DatasetClipSource a = DatasetClipSource.open(cohort, 4, 9, FRAMES, RESOLUTION);
    DatasetClipSource b = DatasetClipSource.open(cohort, 4, 9, FRAMES, RESOLUTION);

    assertThat(a.size()).isEqualTo(4);
    for (int i = 0; i < a.size(); i++) {
      assertThat(clip(a, i)).containsExactly(clip(b, i));
    }
    assertThat(a.describe()).contains("TRAIN split, 4 windows of 3 frames (step 2)");
  }

  @Test
  void aDatasetWithoutTrainVideosIsBadInputNamingItsFileList(@TempDir Path empty) throws Exception {
    Files.writeString(empty.resolve("FileList.csv"), "FileName,EF,Split\na,55.0,TEST\n");

    assertThatThrownBy(() -> DatasetClipSource.open(empty, 0, 0, FRAMES, RESOLUTION))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("FileList.csv: lists no TRAIN video");
  }
}
