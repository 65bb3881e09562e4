package echobench.harness.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.harness.data.EchoView;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.EchoSimulator;
import echobench.harness.synth.SimulatedEcho;
import echobench.harness.synth.Subject;
import echobench.perturb.Clip;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ContrastToNoiseTest {

  @Test
  void isTheMeanDifferenceOverThePooledStandardDeviation() {
    // |0.6 − 0.2| / sqrt((0.01 + 0.03) / 2) = 0.4 / sqrt(0.02)
    assertThat(ContrastToNoise.of(0.6, 0.01, 0.2, 0.03)).isCloseTo(0.4 / Math.sqrt(0.02),
        within(1e-12));
    assertThat(ContrastToNoise.of(0.2, 0.01, 0.6, 0.03))
        .isEqualTo(ContrastToNoise.of(0.6, 0.01, 0.2, 0.03));
    assertThat(ContrastToNoise.of(0.3, 0, 0.3, 0)).isZero();
  }

  @Test
  void aSimulatedEchoHasContrastThatAGainChangeKeepsAndAFlatImageLacks() {
    Subject subject = Cohort.ADULT.drawSubject("s", new SplittableRandom(4));
    SimulatedEcho echo = new EchoSimulator(64, 6, 25).simulate(subject,
        Cohort.ADULT.drawAcquisition(subject, EchoView.A4C, new SplittableRandom(5)));
    Clip clip = echo.clip();
    double cnr = ContrastToNoise.of(clip, echo.regions());
    assertThat(cnr).isGreaterThan(1);

    float[] half = clip.data().clone();
    for (int i = 0; i < half.length; i++) {
      half[i] *= 0.5f; // exact in binary floating point
    }
    assertThat(ContrastToNoise.of(clip.withData(half), echo.regions())).isCloseTo(cnr,
        within(1e-9));

    float[] flat = clip.data().clone();
    java.util.Arrays.fill(flat, 0.4f);
    assertThat(ContrastToNoise.of(clip.withData(flat), echo.regions())).isZero();
  }
}
