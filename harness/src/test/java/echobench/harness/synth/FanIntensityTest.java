package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import echobench.perturb.Clip;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The in-fan statistics against hand arithmetic on a clip of four pixels. */
class FanIntensityTest {
  private static float level(int value) {
    return value / 255f;
  }

  @Test
  void onlyPixelsWhoseMaximumExceedsTenCountAndTheQuantilesAreLevels() {
    // Two frames of 2×2 (frame 0, then frame 1). Pixel 0 is always black and pixel 3 never
    // exceeds 10: both lie outside the fan. The fan holds levels 20, 5 (pixel 1) and 100, 200
    // (pixel 2): mean 81.25; sorted 5, 20, 100, 200, so the median (2 of 4 at or below) is 20
    // and the 90th percentile (3.6 of 4) is 200; 5 and 20 are darker than 25: half.
    float[] data = {
      level(0), level(20), level(100), level(10),
      level(0), level(5), level(200), level(10)
    };
    Clip clip = new Clip(data, 1, 2, 2, 2, 25, "hand");

    FanIntensity stats = FanIntensity.of(List.of(clip));

    assertThat(stats.pixels()).isEqualTo(4);
    assertThat(stats.mean()).isCloseTo(81.25, within(1e-9));
    assertThat(stats.median()).isEqualTo(20);
    assertThat(stats.p90()).isEqualTo(200);
    assertThat(stats.darkFraction()).isEqualTo(0.5);
  }

  @Test
  void colourIsAveragedOverChannelsAndClipsPool() {
    // One RGB frame of one pixel at (30, 60, 90): channel mean 60. A second, grey clip adds 40.
    Clip rgb = new Clip(new float[] {level(30), level(60), level(90)}, 3, 1, 1, 1, 25, "rgb");
    Clip grey = new Clip(new float[] {level(40)}, 1, 1, 1, 1, 25, "grey");

    FanIntensity stats = FanIntensity.of(List.of(rgb, grey));

    assertThat(stats.pixels()).isEqualTo(2);
    assertThat(stats.mean()).isCloseTo(50, within(1e-9));
    assertThat(stats.median()).isEqualTo(40);
    assertThat(stats.darkFraction()).isZero();
  }

  @Test
  void clipsWithoutAFanAreRefused() {
    Clip black = new Clip(new float[4], 1, 1, 2, 2, 25, "black");
    assertThatThrownBy(() -> FanIntensity.of(List.of(black)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fan");
  }
}
