package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * A ventricle whose two apical planes differ: the biplane method of discs recovers its exact
 * ejection fraction, the four-chamber single-plane method does not.
 */
class BiplaneVentricleTest {

  @Test
  void aVentricleOfRevolutionHasOneEjectionFractionByEveryMethod() {
    LeftVentricle lv = LeftVentricle.withVolumes(120, 55, 1.9, 0.6, 0.4, 1.0);
    assertThat(lv.twoChamberSection()).isEqualTo(lv);
    assertThat(lv.ejectionFraction()).isEqualTo(lv.singlePlaneEjectionFraction());
    assertThat(lv.exactEjectionFraction()).isCloseTo(55, within(1e-6));
  }

  @Test
  void exactVolumeIsTheTruncatedTriaxialEllipsoid() {
    // a = 5, b₄ = 2.4, b₂ = 2.1, β = 0.6: V = π·5·2.4·2.1·(1.6 − 1.216/3) = 94.59 mL.
    LeftVentricle lv = new LeftVentricle(8, 4.8, 0.6, 0.2, 0.08, 1, 4.2, 0.1);
    double exact = Math.PI * 5 * 2.4 * 2.1 * (1.6 - 1.216 / 3);
    assertThat(lv.exactVolumeMl(0)).isCloseTo(exact, within(1e-9));
    assertThat(lv.endDiastolicVolume()).isCloseTo(exact, within(0.005 * exact));
    // End-systole: a = 5·0.92, b₄ = 2.4·0.8, b₂ = 2.1·0.9 (the apex stays, every axis scales).
    double esv = Math.PI * 4.6 * 1.92 * 1.89 * (1.6 - 1.216 / 3);
    assertThat(lv.exactVolumeMl(1)).isCloseTo(esv, within(1e-9));
    assertThat(lv.exactEjectionFraction()).isCloseTo(100 * (1 - 0.92 * 0.8 * 0.9), within(1e-9));
    assertThat(lv.singlePlaneEjectionFraction())
        .isCloseTo(100 * (1 - 0.92 * 0.8 * 0.8), within(1e-6));
    assertThat(lv.ejectionFraction()).isCloseTo(lv.exactEjectionFraction(), within(1e-6));
  }

  @Test
  void twoChamberSectionHasThatPlanesDimensions() {
    LeftVentricle lv = new LeftVentricle(8, 4.8, 0.6, 0.2, 0.08, 1, 4.2, 0.1);
    LeftVentricle section = lv.twoChamberSection();
    for (double c : new double[] {0, 0.4, 1}) {
      for (double u = 0; u < lv.cavityLength(c); u += 0.7) {
        assertThat(section.widthAt(u, c)).isEqualTo(lv.twoChamberWidthAt(u, c));
      }
      assertThat(section.cavityLength(c)).isEqualTo(lv.cavityLength(c));
    }
  }

  @Test
  void biplaneEfTracksTheTrueEfBetterThanTheFourChamberViewOnDrawnSubjects() {
    SplittableRandom random = new SplittableRandom(2024);
    double biplaneError = 0;
    double singleError = 0;
    int abnormal = 0;
    int subjects = 40;
    StringBuilder table = new StringBuilder("subject  true   biplane  A4C\n");
    for (int i = 0; i < subjects; i++) {
      Subject subject = Cohort.ADULT.withTwoChamberPlane(
          Cohort.ADULT.drawSubject("s" + i, random), random);
      LeftVentricle lv = subject.leftVentricle();
      double truth = lv.exactEjectionFraction();
      biplaneError += Math.abs(lv.ejectionFraction() - truth);
      singleError += Math.abs(lv.singlePlaneEjectionFraction() - truth);
      abnormal += lv.twoChamberShortening() < 0.8 * lv.shortAxisShortening() ? 1 : 0;
      if (i < 6) {
        table.append(String.format(Locale.ROOT, "%7d %6.2f %8.2f %6.2f%n", i, truth,
            lv.ejectionFraction(), lv.singlePlaneEjectionFraction()));
      }
    }
    System.out.print(table);
    System.out.printf(Locale.ROOT, "mean |EF − true|: biplane %.4f, A4C single-plane %.4f%n",
        biplaneError / subjects, singleError / subjects);
    // Every axis of the end-systolic shape is a fixed fraction of the end-diastolic one, so the
    // midpoint rule's relative error cancels in EDV/ESV: biplane EF is the exact EF.
    assertThat(biplaneError / subjects).isLessThan(1e-6);
    assertThat(abnormal).isPositive();
    assertThat(singleError / subjects).isGreaterThan(1);
  }
}
