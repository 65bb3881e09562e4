package echobench.perturb;

import static echobench.perturb.SuiteFixtures.HEIGHT;
import static echobench.perturb.SuiteFixtures.WIDTH;
import static echobench.perturb.SuiteFixtures.fanMask;
import static echobench.perturb.SuiteFixtures.meanAbsDifference;
import static echobench.perturb.SuiteFixtures.meanInside;
import static echobench.perturb.SuiteFixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CompressionTest {
  private static final ScanMask MASK = fanMask();

  @Test
  void errorRisesAsQualityFallsForGreyAndColour() {
    for (int channels : new int[] {1, 3}) {
      Clip clip = tissue(channels);
      double previous = 0;
      for (int s = 1; s <= 5; s++) {
        double error = meanAbsDifference(Compression.SPEC.at(s).apply(clip, MASK, 0), clip, MASK);
        assertThat(error).as("%d channels, severity %d", channels, s).isGreaterThan(previous);
        previous = error;
      }
    }
  }

  @Test
  void theMildestSeverityIsBarelyVisible() {
    Clip clip = tissue(1);
    assertThat(meanAbsDifference(Compression.SPEC.at(1).apply(clip, MASK, 0), clip, MASK))
        .isLessThan(0.03);
  }

  @Test
  void colourSurvivesColourEncoding() {
    float[] d = new float[3 * HEIGHT * WIDTH];
    int plane = HEIGHT * WIDTH;
    Arrays.fill(d, 0, plane, 0.8f);
    Arrays.fill(d, plane, 3 * plane, 0.2f);
    Clip red = new Clip(d, 3, 1, HEIGHT, WIDTH, 30, "red");
    Clip out = Compression.SPEC.at(3).apply(red, MASK, 0);
    Clip redPlane = new Clip(plane(out, 0, 0), 1, 1, HEIGHT, WIDTH, 30, "r");
    Clip greenPlane = new Clip(plane(out, 1, 0), 1, 1, HEIGHT, WIDTH, 30, "g");
    assertThat(meanInside(redPlane, MASK)).isGreaterThan(0.75);
    assertThat(meanInside(greenPlane, MASK)).isLessThan(0.25);
  }

  /** Smooth structures (what JPEG is designed for) with a little fine texture, static. */
  private static Clip tissue(int channels) {
    SplittableRandom random = new SplittableRandom(15);
    int frames = 2;
    float[] d = new float[channels * frames * HEIGHT * WIDTH];
    for (int c = 0; c < channels; c++) {
      for (int t = 0; t < frames; t++) {
        for (int y = 0; y < HEIGHT; y++) {
          for (int x = 0; x < WIDTH; x++) {
            double v = 0.5 + 0.3 * Math.sin(x / 3.0 + c) * Math.cos(y / 4.0 + t)
                + 0.05 * random.nextDouble();
            d[((c * frames + t) * HEIGHT + y) * WIDTH + x] = (float) v;
          }
        }
      }
    }
    return new Clip(d, channels, frames, HEIGHT, WIDTH, 30, "tissue");
  }
}
