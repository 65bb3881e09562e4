package echobench.reports.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class EffectiveRobustnessTest {
  @Test
  void fitsTheLeastSquaresLineByHand() {
    // x = 1, 2, 3; y = 2, 3, 5: mean x 2, mean y 10/3, Sxx = 2, Sxy = 4/3 + 0 + 5/3 = 3
    EffectiveRobustness line =
        EffectiveRobustness.fit(new double[] {1, 2, 3}, new double[] {2, 3, 5});
    assertThat(line.slope()).isCloseTo(1.5, within(1e-12));
    assertThat(line.intercept()).isCloseTo(1.0 / 3, within(1e-12));
    assertThat(line.expected(2)).isCloseTo(10.0 / 3, within(1e-12));
    // the middle model loses 1/3 less than the line expects: more robust than the trend
    assertThat(line.residual(2, 3)).isCloseTo(-1.0 / 3, within(1e-12));
    // residuals of a least-squares fit sum to zero
    assertThat(line.residual(1, 2) + line.residual(2, 3) + line.residual(3, 5))
        .isCloseTo(0, within(1e-12));
  }

  @Test
  void noLineThroughEqualCleanValuesOrOnePoint() {
    assertThat(EffectiveRobustness.fit(new double[] {2, 2}, new double[] {1, 3}).slope()).isNaN();
    assertThat(EffectiveRobustness.fit(new double[] {2}, new double[] {1}).intercept()).isNaN();
  }
}
