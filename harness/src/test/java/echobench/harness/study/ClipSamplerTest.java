package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.perturb.Clip;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ClipSamplerTest {
  @Test
  void windowsAreCentredInEqualPartsOfTheVideo() {
    ClipSampler sampler = new ClipSampler(4, 2, 2, 8);
    // span 7 frames; parts [0,50) and [50,100): centred starts floor(0+21.5)=21 and 71
    assertThat(sampler.windowStarts(100)).containsExactly(21, 71);
    // a video shorter than a window starts every window at frame 0
    assertThat(sampler.windowStarts(5)).containsExactly(0, 0);
    // a window never runs past the last frame
    assertThat(new ClipSampler(4, 2, 1, 8).windowStarts(8)).containsExactly(0);
  }

  @Test
  void clipsHaveTheRequestedShapeAndStayInTheUnitRange() {
    SplittableRandom random = new SplittableRandom(7);
    float[] data = new float[3 * 20 * 30 * 40];
    for (int i = 0; i < data.length; i++) {
      data[i] = (float) random.nextDouble();
    }
    Clip video = new Clip(data, 3, 20, 30, 40, 25, "v");
    List<float[]> clips = new ClipSampler(4, 3, 3, 16).sample(video);
    assertThat(clips).hasSize(3);
    for (float[] clip : clips) {
      assertThat(clip).hasSize(3 * 4 * 16 * 16);
      for (float v : clip) {
        assertThat(v).isBetween(0f, 1f);
      }
    }
  }

  @Test
  void aConstantVideoStaysConstant() {
    float[] data = new float[12 * 50 * 70];
    Arrays.fill(data, 0.3f);
    Clip video = new Clip(data, 1, 12, 50, 70, 25, "grey");
    for (float[] clip : new ClipSampler(6, 2, 2, 32).sample(video)) {
      for (float v : clip) {
        assertThat(v).isCloseTo(0.3f, within(1e-6f));
      }
    }
  }

  @Test
  void framesComeFromTheSampledTimes() {
    int frames = 10;
    int side = 16;
    float[] data = new float[frames * side * side];
    for (int t = 0; t < frames; t++) {
      Arrays.fill(data, t * side * side, (t + 1) * side * side, t / 10f);
    }
    Clip video = new Clip(data, 1, frames, side, side, 25, "ramp");
    // one window of 3 frames every 2: span 5, centred start floor((10-5)/2)=2 → frames 2, 4, 6
    float[] clip = new ClipSampler(3, 2, 1, 14).sample(video).get(0);
    int plane = 14 * 14;
    assertThat(clip[0]).isCloseTo(0.2f, within(1e-6f));
    assertThat(clip[plane]).isCloseTo(0.4f, within(1e-6f));
    assertThat(clip[2 * plane]).isCloseTo(0.6f, within(1e-6f));
  }
}
