package echobench.perturb;

import static echobench.perturb.SuiteFixtures.FAN;
import static echobench.perturb.SuiteFixtures.WIDTH;
import static echobench.perturb.SuiteFixtures.constant;
import static echobench.perturb.SuiteFixtures.fanMask;
import static echobench.perturb.SuiteFixtures.moving;
import static echobench.perturb.SuiteFixtures.pixelAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class HazeTest {
  private static final ScanMask MASK = fanMask();

  @Test
  void theBandIsAddedAtHandComputedValues() {
    int p = pixelAt(0.15, -0.2);
    double depth = FAN.radiusAt(p % WIDTH, p / WIDTH) / FAN.radius();
    // severity 3: amplitude 0.28, width σ = 0.12 of the radius, centred at 0.10
    double expected = 0.2 + 0.28 * Math.exp(-Math.pow(depth - 0.10, 2) / (2 * 0.12 * 0.12));
    assertThat(Haze.SPEC.at(3).apply(constant(1, 1, 0.2f), MASK, 0).data()[p])
        .isCloseTo((float) expected, within(1e-6f));
  }

  @Test
  void theNearFieldBrightensWithEverySeverityAndTheFarFieldStaysClear() {
    Clip clip = moving(3, 2, 13);
    SectorPixels sector = SectorPixels.of(MASK);
    double previous = nearFieldMean(clip, sector);
    for (int s = 1; s <= 5; s++) {
      Clip out = Haze.SPEC.at(s).apply(clip, MASK, 0);
      double mean = nearFieldMean(out, sector);
      assertThat(mean).as("severity %d", s).isGreaterThan(previous);
      previous = mean;
      for (int i = 0; i < sector.count(); i++) {
        if (sector.depth(i) > 0.9) {
          int q = sector.pixel(i);
          assertThat(out.data()[q]).isCloseTo(clip.data()[q], within(1e-3f));
        }
      }
    }
  }

  @Test
  void clutterSaturatesAtOne() {
    Clip out = Haze.SPEC.at(5).apply(constant(1, 1, 0.9f), MASK, 0);
    assertThat(out.data()[pixelAt(0.1, 0)]).isEqualTo(1f);
  }

  private static double nearFieldMean(Clip clip, SectorPixels sector) {
    double sum = 0;
    long n = 0;
    for (int off = 0; off < clip.data().length; off += clip.planeSize()) {
      for (int i = 0; i < sector.count(); i++) {
        if (sector.depth(i) < 0.3) {
          sum += clip.data()[off + sector.pixel(i)];
          n++;
        }
      }
    }
    return sum / n;
  }
}
