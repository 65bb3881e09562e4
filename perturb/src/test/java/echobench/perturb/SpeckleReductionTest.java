package echobench.perturb;

import static echobench.perturb.SuiteFixtures.HEIGHT;
import static echobench.perturb.SuiteFixtures.WIDTH;
import static echobench.perturb.SuiteFixtures.fanMask;
import static echobench.perturb.SuiteFixtures.moving;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SpeckleReductionTest {
  private static final ScanMask MASK = fanMask();

  @Test
  void localVarianceFallsWithEverySeverity() {
    Clip noisy = moving(1, 2, 11);
    double previous = localVariance(noisy);
    for (int s = 1; s <= 5; s++) {
      double variance = localVariance(SpeckleReduction.SPEC.at(s).apply(noisy, MASK, 0));
      assertThat(variance).as("severity %d", s).isLessThan(previous);
      previous = variance;
    }
  }

  @Test
  void noiseIsSmoothedButAnEdgeIsKept() {
    int edge = WIDTH / 2;
    SplittableRandom random = new SplittableRandom(12);
    float[] d = new float[HEIGHT * WIDTH];
    for (int p = 0; p < d.length; p++) {
      d[p] = (p % WIDTH < edge ? 0.2f : 0.8f) + (float) (0.04 * (random.nextDouble() - 0.5));
    }
    Clip clip = new Clip(d, 1, 1, HEIGHT, WIDTH, 30, "edge");
    float[] out = SpeckleReduction.SPEC.at(5).apply(clip, MASK, 0).data();
    double noiseBefore = 0;
    double noiseAfter = 0;
    for (int y = 5; y < HEIGHT - 5; y++) {
      for (int x = edge - 8; x < edge - 4; x++) {
        int p = y * WIDTH + x;
        noiseBefore += Math.abs(d[p] - 0.2);
        noiseAfter += Math.abs(out[p] - 0.2);
      }
      if (MASK.contains(edge - 1, y) && MASK.contains(edge, y)) {
        assertThat(out[y * WIDTH + edge - 1]).isLessThan(0.25f);
        assertThat(out[y * WIDTH + edge]).isGreaterThan(0.75f);
      }
    }
    assertThat(noiseAfter).isLessThan(noiseBefore / 2);
  }

  @Test
  void brightPixelsOutsideTheSectorDoNotBleedIn() {
    float[] d = new float[HEIGHT * WIDTH];
    for (int p = 0; p < d.length; p++) {
      d[p] = MASK.contains(p) ? 0.3f : 1f;
    }
    Clip clip = new Clip(d, 1, 1, HEIGHT, WIDTH, 30, "bright-border");
    float[] out = SpeckleReduction.SPEC.at(5).apply(clip, MASK, 0).data();
    double worst = 0;
    for (int p = 0; p < d.length; p++) {
      worst = Math.max(worst, Math.abs(out[p] - d[p]));
    }
    assertThat(worst).isLessThan(1e-6);
  }

  /** Mean over masked 3×3 windows of the window's intensity variance. */
  private static double localVariance(Clip clip) {
    double total = 0;
    long windows = 0;
    for (int off = 0; off < clip.data().length; off += clip.planeSize()) {
      for (int y = 1; y < HEIGHT - 1; y++) {
        for (int x = 1; x < WIDTH - 1; x++) {
          double sum = 0;
          double squares = 0;
          boolean inside = true;
          for (int dy = -1; dy <= 1; dy++) {
            for (int dx = -1; dx <= 1; dx++) {
              inside &= MASK.contains(x + dx, y + dy);
              double v = clip.data()[off + (y + dy) * WIDTH + x + dx];
              sum += v;
              squares += v * v;
            }
          }
          if (inside) {
            total += squares / 9 - (sum / 9) * (sum / 9);
            windows++;
          }
        }
      }
    }
    return total / windows;
  }
}
