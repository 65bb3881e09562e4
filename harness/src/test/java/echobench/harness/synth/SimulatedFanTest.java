package echobench.harness.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.harness.data.EchoView;
import echobench.perturb.ScanMask;
import echobench.perturb.SectorGeometry;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The fan detector recovers the simulator's own scan geometry (issue 17). */
class SimulatedFanTest {
  private static final int SIZE = 112;
  private static final EchoSimulator SIMULATOR = new EchoSimulator(SIZE, 6, 50);

  @Test
  void fittedSectorIsTheScanConvertersFanInEveryViewAndCohort() {
    for (Cohort cohort : Cohort.all()) {
      for (EchoView view : EchoView.values()) {
        Subject subject = cohort.drawSubject("s", new SplittableRandom(view.ordinal()));
        Acquisition acquisition =
            cohort.drawAcquisition(subject, view, new SplittableRandom(view.ordinal() + 50));
        ScanMask mask = ScanMask.automatic(SIMULATOR.simulate(subject, acquisition).clip());

        // ScanConverter: pixel centres at x = (px − (SIZE−1)/2)·d, y = (py + 0.5)·d with
        // d = depth / SIZE, so the apex is pixel ((SIZE−1)/2, −0.5) and the radius SIZE pixels
        SectorGeometry fit = mask.geometry();
        String what = cohort + " " + view;
        assertThat(fit.apexX()).as(what).isCloseTo((SIZE - 1) / 2.0, within(2.0));
        assertThat(fit.apexY()).as(what).isCloseTo(-0.5, within(2.0));
        assertThat(fit.leftAngle()).as(what)
            .isCloseTo(-acquisition.halfAngle(), within(Math.toRadians(2)));
        assertThat(fit.rightAngle()).as(what)
            .isCloseTo(acquisition.halfAngle(), within(Math.toRadians(2)));
        assertThat(fit.radius()).as(what).isCloseTo(SIZE, within(2.0));
      }
    }
  }
}
