package echobench.models.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TargetScalerTest {

  @Test
  void fitsTheTrainingMeanAndPopulationStd() {
    TargetScaler scaler = TargetScaler.fit(new float[] {40, 50, 60, 70});
    assertThat(scaler.mean()).isEqualTo(55.0);
    assertThat(scaler.std()).isCloseTo(Math.sqrt(125), within(1e-12));
    assertThat(scaler.toZ(55)).isZero();
    assertThat(scaler.toZ(55 + Math.sqrt(125))).isCloseTo(1f, within(1e-6f));
  }

  @Test
  void roundTripsToOriginalUnits() {
    TargetScaler scaler = new TargetScaler(55.7776, 12.4064);
    for (double ef : new double[] {10, 35.5, 55.7776, 80}) {
      assertThat(scaler.fromZ(scaler.toZ(ef))).isCloseTo(ef, within(1e-5));
    }
  }

  @Test
  void refusesTargetsWithoutSpread() {
    assertThatThrownBy(() -> TargetScaler.fit(new float[] {60, 60, 60}))
        .hasMessageContaining("all training targets are equal");
    assertThatThrownBy(() -> TargetScaler.fit(new float[] {60})).hasMessageContaining("two");
  }
}
