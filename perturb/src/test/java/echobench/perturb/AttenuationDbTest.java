package echobench.perturb;

import static echobench.perturb.SuiteFixtures.FAN;
import static echobench.perturb.SuiteFixtures.WIDTH;
import static echobench.perturb.SuiteFixtures.constant;
import static echobench.perturb.SuiteFixtures.fanMask;
import static echobench.perturb.SuiteFixtures.meanInside;
import static echobench.perturb.SuiteFixtures.pixelAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.Comparator;
import org.junit.jupiter.api.Test;

class AttenuationDbTest {
  private static final ScanMask MASK = fanMask();

  @Test
  void aPixelLosesTheTwoWayAttenuationOfItsDepth() {
    Clip clip = constant(1, 1, 0.8f);
    int p = pixelAt(0.5, 0.3);
    double depthCm = FAN.radiusAt(p % WIDTH, p / WIDTH) / FAN.radius() * 15;
    // severity 3: α = 0.10 dB/cm/MHz at 2.5 MHz over the round trip 2·r
    double expected = 0.8 * Math.pow(10, -0.10 * 2.5 * 2 * depthCm / 20);
    assertThat(AttenuationDb.SPEC.at(3).apply(clip, MASK, 0).data()[p])
        .isCloseTo((float) expected, within(1e-6f));
  }

  @Test
  void theLossAtTheDeepestArcFollowsTheTable() {
    double[] expectedDb = {0, 1.5, 3.75, 7.5, 13.5, 22.5};
    for (int s = 1; s <= 5; s++) {
      assertThat(AttenuationDb.lossAtFullDepthDb(s)).isCloseTo(expectedDb[s], within(1e-9));
    }
  }

  @Test
  void intensityNeverRisesWithDepthAlongTheBeams() {
    Clip out = AttenuationDb.SPEC.at(5).apply(constant(1, 1, 0.9f), MASK, 0);
    SectorPixels sector = SectorPixels.of(MASK);
    Integer[] byDepth = new Integer[sector.count()];
    Arrays.setAll(byDepth, i -> i);
    Arrays.sort(byDepth, Comparator.comparingDouble(sector::depth));
    for (int k = 1; k < byDepth.length; k++) {
      assertThat(out.data()[sector.pixel(byDepth[k])])
          .isLessThanOrEqualTo(out.data()[sector.pixel(byDepth[k - 1])]);
    }
  }

  @Test
  void theSectorDarkensWithEverySeverity() {
    Clip clip = constant(3, 2, 0.7f);
    double previous = meanInside(clip, MASK);
    for (int s = 1; s <= 5; s++) {
      double mean = meanInside(AttenuationDb.SPEC.at(s).apply(clip, MASK, 0), MASK);
      assertThat(mean).as("severity %d", s).isLessThan(previous);
      previous = mean;
    }
  }
}
