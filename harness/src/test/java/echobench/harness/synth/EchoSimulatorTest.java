package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.data.EchoView;
import echobench.perturb.Clip;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class EchoSimulatorTest {
  private static final EchoSimulator SIMULATOR = new EchoSimulator(48, 6, 50);

  private static SimulatedEcho simulate(Cohort cohort, EchoView view, long seed) {
    Subject subject = cohort.drawSubject("s", new SplittableRandom(seed));
    return SIMULATOR.simulate(subject,
        cohort.drawAcquisition(subject, view, new SplittableRandom(seed + 1)));
  }

  @Test
  void everyViewRendersAGreyFanThatIsBlackOutside() {
    for (Cohort cohort : Cohort.all()) {
      for (EchoView view : EchoView.values()) {
        SimulatedEcho echo = simulate(cohort, view, 5);
        Clip clip = echo.clip();
        assertThat(clip.channels()).isEqualTo(1);
        assertThat(clip.frames()).isEqualTo(6);
        assertThat(clip.height()).isEqualTo(48);
        assertThat(clip.width()).isEqualTo(48);
        for (float value : clip.data()) {
          assertThat(value).isBetween(0f, 1f);
        }
        // Outside the scan converter's fan every frame is exactly black; inside it, most
        // pixels show echo in some frame (blood pools may stay black).
        boolean[] fan = ScanConverter.fanPixels(
            echo.acquisition().depthCm(), echo.acquisition().halfAngle(), 48);
        int inside = 0;
        int echogenic = 0;
        for (int p = 0; p < 48 * 48; p++) {
          float brightest = 0;
          for (int t = 0; t < clip.frames(); t++) {
            brightest = Math.max(brightest, clip.get(0, t, p / 48, p % 48));
          }
          if (fan[p]) {
            inside++;
            echogenic += brightest > 0 ? 1 : 0;
          } else {
            assertThat(brightest).as(cohort + " " + view).isZero();
          }
        }
        assertThat(echogenic).as(cohort + " " + view).isGreaterThan(inside / 2);
      }
    }
  }

  @Test
  void bloodIsDarkAndMyocardiumBright() {
    SimulatedEcho echo = simulate(Cohort.ADULT, EchoView.A4C, 9);
    LeftVentricle lv = echo.subject().leftVentricle();
    double cavity = patchMean(echo, lv.semiLong(0), 0);
    double wall = patchMean(echo, lv.semiLong(0), lv.semiShort(0) + lv.wallCm() / 2);
    assertThat(cavity).isLessThan(0.25);
    assertThat(wall).isGreaterThan(cavity + 0.2);
  }

  @Test
  void sameInputsGiveTheSameClipAndAnotherSeedAnother() {
    float[] first = simulate(Cohort.PEDIATRIC, EchoView.PSAX, 3).clip().data();
    float[] again = simulate(Cohort.PEDIATRIC, EchoView.PSAX, 3).clip().data();
    float[] other = simulate(Cohort.PEDIATRIC, EchoView.PSAX, 4).clip().data();
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  /** Mean grey in the first frame over 3×3 pixels around heart point {@code (u, v)}. */
  private static double patchMean(SimulatedEcho echo, double u, double v) {
    int x = (int) Math.round(echo.pixelX(u, v));
    int y = (int) Math.round(echo.pixelY(u, v));
    double sum = 0;
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        sum += echo.clip().get(0, 0, y + dy, x + dx);
      }
    }
    return sum / 9;
  }
}
