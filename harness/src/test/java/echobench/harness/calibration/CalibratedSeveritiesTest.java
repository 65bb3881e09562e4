package echobench.harness.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.perturb.Perturbations;
import echobench.perturb.SeverityScale;
import echobench.perturb.SeverityTable;
import java.util.Arrays;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The shipped calibration holds on clips it never saw: simulated with another seed than the
 * table's (as many clips, the same draws: {@link CnrLossMeter#simulate}), every calibrated level
 * takes away its target share of the CNR within 2 percentage points, and a level the family cannot
 * reach stays below its target there too.
 *
 * <p>Except {@code gain}: how much of the CNR a mis-set gain takes depends on how bright each clip
 * already is (over-gain saturates the wall of a bright clip and barely touches a dark one), so its
 * per-clip loss spreads widely (standard deviation about 0.13) and a 32-clip mean is only known to
 * a few points. Its held-out mean is held to what that spread allows: within three standard errors
 * of the difference of two such means, computed from the held-out clips.
 */
class CalibratedSeveritiesTest {
  private static final long HELD_OUT_SEED = SeverityCalibrator.SEED + 1000;
  private static final String SPREAD_LIMITED = "gain";

  @Test
  void calibratedLevelsHitTheirCnrTargetsOnHeldOutClips() {
    CnrLossMeter heldOut = CnrLossMeter.simulate(SeverityCalibrator.CLIPS,
        SeverityCalibrator.SIZE, SeverityCalibrator.FRAMES, HELD_OUT_SEED, SeverityCalibrator.SEED,
        SeverityCalibrator.DRAWS);
    int checked = 0;
    SoftAssertions softly = new SoftAssertions();
    for (SeverityTable.Row row : SeverityTable.shipped().rows()) {
      if (row.scale() != SeverityScale.CALIBRATED) {
        continue;
      }
      double[] losses = heldOut.perClip(row.family(),
          Perturbations.parse(row.family(), row.level(), SeverityScale.CALIBRATED));
      double loss = Arrays.stream(losses).average().orElseThrow();
      String level = row.family() + " level " + row.level();
      boolean reached = Math.abs(row.cnrLoss() - row.target()) <= 0.005;
      if (!reached) {
        softly.assertThat(loss).as(level).isLessThan(row.target());
      } else if (row.family().equals(SPREAD_LIMITED)) {
        double allowed = 3 * Math.sqrt(2) * standardError(losses);
        softly.assertThat(loss).as(level).isCloseTo(row.target(), Offset.offset(allowed));
      } else {
        softly.assertThat(loss).as(level).isCloseTo(row.target(), Offset.offset(0.02));
      }
      checked++;
    }
    softly.assertAll();
    assertThat(checked).isEqualTo(5 * SeverityTable.TARGET_LOSSES.length);
  }

  private static double standardError(double[] values) {
    double mean = Arrays.stream(values).average().orElseThrow();
    double squares = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
    return Math.sqrt(squares / (values.length - 1) / values.length);
  }
}
