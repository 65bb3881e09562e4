package echobench.perturb;

import static echobench.perturb.SuiteFixtures.FAN;
import static echobench.perturb.SuiteFixtures.WIDTH;
import static echobench.perturb.SuiteFixtures.constant;
import static echobench.perturb.SuiteFixtures.fanMask;
import static echobench.perturb.SuiteFixtures.meanInside;
import static echobench.perturb.SuiteFixtures.pixelAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RibShadowTest {
  private static final ScanMask MASK = fanMask();
  private static final long SEED = 42;

  @Test
  void theOccluderLiesInTheNearFieldOfTheFan() {
    for (long seed = 0; seed < 200; seed++) {
      RibShadow.Occluder rib = RibShadow.occluder(FAN, seed);
      assertThat(Math.abs(rib.angle())).isLessThanOrEqualTo(0.7 * FAN.halfAngle());
      assertThat(rib.depth()).isBetween(0.10, 0.35);
    }
  }

  @Test
  void beyondTheRibItsBeamIsDarkAndBeforeItUntouched() {
    RibShadow.Occluder rib = RibShadow.occluder(FAN, SEED);
    float[] out = RibShadow.SPEC.at(4).apply(constant(1, 1, 0.8f), MASK, SEED).data();
    int above = pixelAt(rib.depth() - 0.06, rib.angle());
    int below = pixelAt(rib.depth() + 0.25, rib.angle());
    assertThat(out[above]).isEqualTo(0.8f);
    // severity 4: blocked fraction 0.85, σθ = 7°, at the pixel's own beam angle
    double off = FAN.angleAt(below % WIDTH, below / WIDTH) - rib.angle();
    double expected = 0.8 * (1 - 0.85 * Math.exp(-off * off / (2 * Math.pow(Math.toRadians(7), 2))));
    assertThat(out[below]).isCloseTo((float) expected, within(1e-6f)).isLessThan(0.8f * 0.3f);
  }

  @Test
  void theShadowIsAWedgeReachingTheBottomOfTheFan() {
    RibShadow.Occluder rib = RibShadow.occluder(FAN, SEED);
    float[] map = ((MultiplicativeMap) RibShadow.SPEC.at(5)).appliedMap(
        SuiteFixtures.HEIGHT, WIDTH, MASK, SEED);
    int shallow = pixelAt(rib.depth() + 0.1, rib.angle());
    int deep = pixelAt(0.97, rib.angle());
    int beside = pixelAt(0.97, rib.angle() + (rib.angle() > 0 ? -0.6 : 0.6));
    assertThat(map[shallow]).isLessThan(0.2f);
    assertThat(map[deep]).isLessThan(0.2f);
    assertThat(map[beside]).isGreaterThan(0.99f);
  }

  @Test
  void theSectorDarkensWithEverySeverity() {
    Clip clip = constant(3, 2, 0.6f);
    double previous = meanInside(clip, MASK);
    for (int s = 1; s <= 5; s++) {
      double mean = meanInside(RibShadow.SPEC.at(s).apply(clip, MASK, SEED), MASK);
      assertThat(mean).as("severity %d", s).isLessThan(previous);
      previous = mean;
    }
  }
}
