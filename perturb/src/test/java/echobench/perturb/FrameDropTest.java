package echobench.perturb;

import static echobench.perturb.SuiteFixtures.fanMask;
import static echobench.perturb.SuiteFixtures.moving;
import static echobench.perturb.SuiteFixtures.plane;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FrameDropTest {
  private static final ScanMask MASK = fanMask();
  private static final int FRAMES = 200;
  private static final long SEED = 16;

  @Test
  void repeatedFramesGrowWithSeverityAndTheDropsNest() {
    Clip clip = moving(1, FRAMES, 17);
    double[] expectedRate = {0, 0.05, 0.10, 0.20, 0.35, 0.50};
    boolean[] droppedBefore = new boolean[FRAMES];
    double previous = 0;
    for (int s = 1; s <= 5; s++) {
      Clip out = FrameDrop.SPEC.at(s).apply(clip, MASK, SEED);
      boolean[] dropped = new boolean[FRAMES];
      int repeats = 0;
      for (int t = 1; t < FRAMES; t++) {
        dropped[t] = sameInsideSector(plane(out, 0, t), plane(out, 0, t - 1));
        repeats += dropped[t] ? 1 : 0;
        assertThat(dropped[t] || !droppedBefore[t]).as("frame %d at severity %d", t, s).isTrue();
      }
      double fraction = repeats / (double) (FRAMES - 1);
      assertThat(fraction).as("severity %d", s).isGreaterThan(previous)
          .isCloseTo(expectedRate[s], within(0.08));
      previous = fraction;
      droppedBefore = dropped;
    }
  }

  @Test
  void aDroppedFrameShowsTheLatestKeptFrameInsideTheSectorOnly() {
    Clip clip = moving(3, 24, 18);
    FrameDrop drop = (FrameDrop) FrameDrop.SPEC.at(5);
    int[] shown = drop.shownFrames(clip.frames(), SEED);
    Clip out = drop.apply(clip, MASK, SEED);
    assertThat(shown[0]).isZero();
    assertThat(Arrays.stream(shown).distinct().count()).isLessThan(clip.frames());
    for (int t = 0; t < clip.frames(); t++) {
      assertThat(shown[t]).isLessThanOrEqualTo(t);
      assertThat(shown[shown[t]]).as("a shown frame is a kept frame").isEqualTo(shown[t]);
      for (int c = 0; c < 3; c++) {
        float[] got = plane(out, c, t);
        float[] own = plane(clip, c, t);
        float[] source = plane(clip, c, shown[t]);
        for (int p = 0; p < got.length; p++) {
          assertThat(got[p]).isEqualTo(MASK.contains(p) ? source[p] : own[p]);
        }
      }
    }
  }

  private static boolean sameInsideSector(float[] a, float[] b) {
    for (int p = 0; p < a.length; p++) {
      if (MASK.contains(p) && a[p] != b[p]) {
        return false;
      }
    }
    return true;
  }
}
