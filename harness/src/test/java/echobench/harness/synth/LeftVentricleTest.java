package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LeftVentricleTest {

  @Test
  void methodOfDiscsMatchesTheTruncatedEllipsoidVolume() {
    // a = 5, b = 2.4, β = 0.6: V = π·a·b²·((1+β) − (1+β³)/3) = π·5·5.76·1.194666… = 108.10 mL.
    LeftVentricle lv = new LeftVentricle(8, 4.8, 0.6, 0.2, 0.08, 1);
    double exact = Math.PI * 5 * 2.4 * 2.4 * (1.6 - (1 + 0.216) / 3);
    assertThat(lv.endDiastolicVolume()).isCloseTo(exact, within(0.005 * exact));
  }

  @Test
  void ventricleBuiltForVolumesHasThemAndItsEjectionFraction() {
    for (double ef : new double[] {15, 35, 55, 75}) {
      LeftVentricle lv = LeftVentricle.withVolumes(120, ef, 1.9, 0.6, 0.4, 1.0);
      assertThat(lv.endDiastolicVolume()).isCloseTo(120, within(0.6));
      assertThat(lv.ejectionFraction()).isCloseTo(ef, within(1e-6));
      assertThat(lv.longAxisShortening()).isCloseTo(0.4 * lv.shortAxisShortening(), within(1e-12));
      assertThat(lv.lengthCm() / lv.diameterCm()).isCloseTo(1.9, within(1e-9));
    }
  }

  @Test
  void wallThickensInSystoleKeepingItsArea() {
    LeftVentricle lv = LeftVentricle.withVolumes(100, 60, 1.9, 0.6, 0.4, 1.0);
    assertThat(lv.wallThickness(0)).isCloseTo(1.0, within(1e-12));
    assertThat(lv.wallThickness(1)).isGreaterThan(1.1);
    for (double c : new double[] {0, 0.5, 1}) {
      double a = lv.semiLong(c);
      double b = lv.semiShort(c);
      double t = lv.wallThickness(c);
      double ring = (a + t) * (b + t) - a * b;
      assertThat(ring).isCloseTo(
          (lv.semiLong(0) + 1) * (lv.semiShort(0) + 1) - lv.semiLong(0) * lv.semiShort(0),
          within(1e-9));
    }
  }

  @Test
  void apexStaysWhileTheAnnulusDescends() {
    LeftVentricle lv = LeftVentricle.withVolumes(100, 60, 1.9, 0.6, 0.4, 1.0);
    assertThat(lv.cavityLength(1)).isLessThan(lv.cavityLength(0));
    assertThat(lv.widthAt(0, 1)).isZero();
    assertThat(lv.widthAt(lv.semiLong(1), 1)).isCloseTo(2 * lv.semiShort(1), within(1e-12));
  }
}
