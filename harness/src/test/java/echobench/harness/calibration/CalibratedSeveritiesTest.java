package echobench.harness.calibration;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.perturb.Perturbations;
import echobench.perturb.SeverityScale;
import echobench.perturb.SeverityTable;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/**
 * The shipped calibration holds on clips it never saw: simulated with another seed than the
 * table's, every calibrated level takes away its target share of the CNR within 2 percentage
 * points, and a level the family cannot reach stays below its target there too.
 */
class CalibratedSeveritiesTest {
  private static final int HELD_OUT_CLIPS = 16;
  private static final long HELD_OUT_SEED = SeverityCalibrator.SEED + 1000;

  @Test
  void calibratedLevelsHitTheirCnrTargetsOnHeldOutClips() {
    CnrLossMeter heldOut = CnrLossMeter.simulate(HELD_OUT_CLIPS, SeverityCalibrator.SIZE,
        SeverityCalibrator.FRAMES, HELD_OUT_SEED, SeverityCalibrator.DRAWS);
    int checked = 0;
    SoftAssertions softly = new SoftAssertions();
    for (SeverityTable.Row row : SeverityTable.shipped().rows()) {
      if (row.scale() != SeverityScale.CALIBRATED) {
        continue;
      }
      double loss = heldOut.loss(row.family(),
          Perturbations.parse(row.family(), row.level(), SeverityScale.CALIBRATED));
      boolean reached = Math.abs(row.cnrLoss() - row.target()) <= 0.005;
      if (reached) {
        softly.assertThat(loss).as(row.family() + " level " + row.level())
            .isCloseTo(row.target(), Offset.offset(0.02));
      } else {
        softly.assertThat(loss).as(row.family() + " level " + row.level())
            .isLessThan(row.target());
      }
      checked++;
    }
    softly.assertAll();
    assertThat(checked).isEqualTo(6 * SeverityTable.TARGET_LOSSES.length);
  }
}
