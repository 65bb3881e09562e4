package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** Simpson's biplane method of discs against closed-form ellipsoid volumes. */
class MethodOfDiscsTest {

  /** The width at {@code u} of an ellipse of length {@code length} and largest width {@code d}. */
  private static DoubleUnaryOperator ellipse(double length, double d) {
    return u -> {
      double x = (u - length / 2) / (length / 2);
      return d * Math.sqrt(Math.max(0, 1 - x * x));
    };
  }

  @Test
  void biplaneVolumeOfAnEllipsoidIsPiOverSixTimesItsThreeAxes() {
    double length = 9;
    double d1 = 4.6;
    double d2 = 3.8;
    double exact = Math.PI / 6 * length * d1 * d2;
    double discs = MethodOfDiscs.biplaneVolume(ellipse(length, d1), ellipse(length, d2), length);
    // Midpoint rule on ∫(1 − x²)dx over [−1, 1] with 20 slices (h = 0.1): the error is
    // −(b − a)·h²/24·f'' = 2·0.01/24·2 = 1/600, against 4/3: discs = exact·(1 + 1/800).
    assertThat(discs).isCloseTo(exact * (1 + 1.0 / 800), within(1e-9 * exact));
    assertThat(Math.abs(discs / exact - 1)).isLessThan(0.002);
  }

  @Test
  void singlePlaneVolumeTakesCircularDiscsOfTheOneWidth() {
    double length = 8;
    double d = 4;
    assertThat(MethodOfDiscs.volume(ellipse(length, d), length))
        .isEqualTo(MethodOfDiscs.biplaneVolume(ellipse(length, d), ellipse(length, d), length));
    double exact = Math.PI / 6 * length * d * d;
    assertThat(MethodOfDiscs.volume(ellipse(length, d), length))
        .isCloseTo(exact * (1 + 1.0 / 800), within(1e-9 * exact));
  }
}
