package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.data.EchoView;
import echobench.perturb.Clip;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CardiacRegionsTest {
  /** 30 frames at 25 fps span 1.2 s, more than one beat at any simulated heart rate ≥ 50 bpm. */
  private static final EchoSimulator SIMULATOR = new EchoSimulator(64, 30, 25);

  private static SimulatedEcho simulate(Cohort cohort, EchoView view, long seed) {
    Subject subject = cohort.drawSubject("s", new SplittableRandom(seed));
    return SIMULATOR.simulate(subject,
        cohort.drawAcquisition(subject, view, new SplittableRandom(seed + 1)));
  }

  @Test
  void masksAreNonEmptyDisjointInsideTheFanAndMatchThePixels() {
    for (Cohort cohort : Cohort.all()) {
      for (EchoView view : EchoView.values()) {
        SimulatedEcho echo = simulate(cohort, view, 11);
        Clip clip = echo.clip();
        CardiacRegions regions = echo.regions();
        assertThat(regions.frames()).isEqualTo(clip.frames());
        assertThat(regions.height()).isEqualTo(clip.height());
        assertThat(regions.width()).isEqualTo(clip.width());
        // The fan the scan converter draws (blood inside it may be black in every frame).
        boolean[] fan = ScanConverter.fanPixels(
            echo.acquisition().depthCm(), echo.acquisition().halfAngle(), clip.width());
        double[] sum = new double[2];
        long[] count = new long[2];
        for (int t = 0; t < clip.frames(); t++) {
          assertThat(regions.area(CardiacRegion.LV_CAVITY, t)).as(cohort + " " + view)
              .isGreaterThan(10);
          assertThat(regions.area(CardiacRegion.LV_MYOCARDIUM, t)).as(cohort + " " + view)
              .isGreaterThan(10);
          for (int p = 0; p < clip.planeSize(); p++) {
            boolean cavity = regions.contains(CardiacRegion.LV_CAVITY, t, p);
            boolean wall = regions.contains(CardiacRegion.LV_MYOCARDIUM, t, p);
            assertThat(cavity && wall).isFalse();
            if (cavity || wall) {
              assertThat(fan[p]).as(cohort + " " + view).isTrue();
              int r = wall ? 1 : 0;
              sum[r] += clip.data()[t * clip.planeSize() + p];
              count[r]++;
            }
          }
        }
        // Blood is nearly anechoic, myocardium mid-grey (Tissue): the masks sit on the pixels.
        assertThat(sum[1] / count[1]).as(cohort + " " + view)
            .isGreaterThan(sum[0] / count[0] + 0.1);
      }
    }
  }

  @Test
  void cavityAreaFollowsTheCardiacCycle() {
    for (EchoView view : EchoView.values()) {
      SimulatedEcho echo = simulate(Cohort.ADULT, view, 23);
      CardiacRegions regions = echo.regions();
      CardiacCycle cycle = new CardiacCycle(echo.subject().heartRateBpm(),
          echo.acquisition().cycleStartSeconds(), echo.subject().earlyFillingShare());
      int diastole = 0;
      int systole = 0;
      for (int t = 0; t < regions.frames(); t++) {
        double c = cycle.at(t / echo.clip().fps()).contraction();
        if (c < cycle.at(diastole / echo.clip().fps()).contraction()) {
          diastole = t;
        }
        if (c > cycle.at(systole / echo.clip().fps()).contraction()) {
          systole = t;
        }
      }
      assertThat(regions.area(CardiacRegion.LV_CAVITY, diastole)).as(view.name())
          .isGreaterThan(regions.area(CardiacRegion.LV_CAVITY, systole));
    }
  }

  @Test
  void theRegionsLeaveThePixelsAsTheyWere() {
    SimulatedEcho echo = simulate(Cohort.ADULT, EchoView.A4C, 5);
    float[] before = echo.clip().data().clone();
    echo.regions();
    assertThat(echo.clip().data()).isEqualTo(before);
    assertThat(simulate(Cohort.ADULT, EchoView.A4C, 5).clip().data()).isEqualTo(before);
  }
}
