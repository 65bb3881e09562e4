package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class CardiacCycleTest {
  private static final double STEP = 0.001;

  @Test
  void oneBeatRunsFromEndDiastoleToEndSystoleAndBack() {
    for (double rate : new double[] {50, 72, 110, 160}) {
      CardiacCycle cycle = new CardiacCycle(rate, 0, 0.7);
      double min = 1;
      double max = 0;
      for (double t = 0; t < cycle.periodSeconds(); t += STEP) {
        double c = cycle.at(t).contraction();
        min = Math.min(min, c);
        max = Math.max(max, c);
        assertThat(c).isBetween(0.0, 1.0);
      }
      assertThat(min).isZero();
      assertThat(max).isEqualTo(1.0);
    }
  }

  @Test
  void repeatsAtTheHeartRateAndStartsWhereTold() {
    CardiacCycle cycle = new CardiacCycle(75, 0.3, 0.7);
    CardiacCycle plain = new CardiacCycle(75, 0, 0.7);
    for (double t = 0; t < 2; t += 0.037) {
      assertThat(cycle.at(t + 0.8).contraction())
          .isCloseTo(cycle.at(t).contraction(), within(1e-9));
      assertThat(cycle.at(t)).isEqualTo(plain.at(t + 0.3));
    }
  }

  @Test
  void inflowAndOutflowValvesAreNeverOpenTogether() {
    CardiacCycle cycle = new CardiacCycle(90, 0, 0.7);
    boolean aorticOpened = false;
    boolean mitralOpened = false;
    double previous = 0;
    for (double t = 0; t < cycle.periodSeconds(); t += STEP) {
      CyclePhase phase = cycle.at(t);
      assertThat(phase.aorticOpening() == 0 || phase.atrioventricularOpening() == 0).isTrue();
      if (phase.aorticOpening() > 0) {
        aorticOpened = true;
        // The ventricle empties only while the aortic valve is open.
        assertThat(phase.contraction()).isGreaterThanOrEqualTo(previous);
      }
      mitralOpened |= phase.atrioventricularOpening() > 0;
      previous = phase.contraction();
    }
    assertThat(aorticOpened).isTrue();
    assertThat(mitralOpened).isTrue();
  }
}
