package echobench.perturb;

import static echobench.perturb.SuiteFixtures.constant;
import static echobench.perturb.SuiteFixtures.fanMask;
import static echobench.perturb.SuiteFixtures.meanAbsDifference;
import static echobench.perturb.SuiteFixtures.meanInside;
import static echobench.perturb.SuiteFixtures.moving;
import static echobench.perturb.SuiteFixtures.pixelAt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GainTest {
  private static final ScanMask MASK = fanMask();
  private static final long OVER = LongStream.range(0, 100).filter(Gain::overGain).findFirst()
      .orElseThrow();
  private static final long UNDER = LongStream.range(0, 100).filter(s -> !Gain.overGain(s))
      .findFirst().orElseThrow();

  @Test
  void aboutHalfTheClipsAreOverGainedAndHalfUnderGained() {
    long over = LongStream.range(0, 400).filter(Gain::overGain).count();
    assertThat(over).isBetween(160L, 240L);
  }

  @Test
  void gainAndGammaMatchHandComputedValues() {
    Clip quarter = constant(1, 1, 0.25f);
    int p = pixelAt(0.5, 0);
    // severity 2: over-gain g = 1.2, γ = 0.88; under-gain g = 1/1.2, γ = 1/0.88
    assertThat(Gain.SPEC.at(2).apply(quarter, MASK, OVER).data()[p])
        .isCloseTo((float) (1.2 * Math.pow(0.25, 0.88)), within(1e-6f));
    assertThat(Gain.SPEC.at(2).apply(quarter, MASK, UNDER).data()[p])
        .isCloseTo((float) (Math.pow(0.25, 1 / 0.88) / 1.2), within(1e-6f));
  }

  @Test
  void overGainBrightensAndUnderGainDarkensMoreAtEverySeverity() {
    Clip clip = moving(3, 2, 14);
    double brighter = meanInside(clip, MASK);
    double darker = brighter;
    double overChange = 0;
    double underChange = 0;
    for (int s = 1; s <= 5; s++) {
      Clip over = Gain.SPEC.at(s).apply(clip, MASK, OVER);
      Clip under = Gain.SPEC.at(s).apply(clip, MASK, UNDER);
      assertThat(meanInside(over, MASK)).isGreaterThan(brighter);
      assertThat(meanInside(under, MASK)).isLessThan(darker);
      assertThat(meanAbsDifference(over, clip, MASK)).isGreaterThan(overChange);
      assertThat(meanAbsDifference(under, clip, MASK)).isGreaterThan(underChange);
      brighter = meanInside(over, MASK);
      darker = meanInside(under, MASK);
      overChange = meanAbsDifference(over, clip, MASK);
      underChange = meanAbsDifference(under, clip, MASK);
    }
  }

  @Test
  void overGainSaturatesBrightTissue() {
    Clip out = Gain.SPEC.at(5).apply(constant(1, 1, 0.9f), MASK, OVER);
    assertThat(out.data()[pixelAt(0.5, 0)]).isEqualTo(1f);
  }
}
