package echobench.harness.synth;

import echobench.harness.data.EchoView;
import java.util.SplittableRandom;

/**
 * The layout of one standard view: which chambers, walls and valves the scan plane cuts, where
 * they lie relative to the left ventricle, and how they move through the cardiac cycle. Sizes are
 * proportions of the subject's left ventricle, so a child's heart is laid out like an adult's,
 * smaller.
 */
abstract class ViewAnatomy {
  /** Grid step, in cm, of the search for the heart's nearest and farthest points. */
  private static final double EXTENT_STEP = 0.1;

  protected final LeftVentricle lv;

  protected ViewAnatomy(LeftVentricle lv) {
    this.lv = lv;
  }

  /** The anatomy of {@code view} for a subject with ventricle {@code lv}. */
  static ViewAnatomy of(EchoView view, LeftVentricle lv) {
    return switch (view) {
      case A4C -> new ApicalFourChamber(lv);
      case A2C -> new ApicalTwoChamber(lv.twoChamberSection());
      case PLAX -> new ParasternalLongAxis(lv);
      case PSAX -> new ParasternalShortAxis(lv);
    };
  }

  /** The heart as the scan plane cuts it at {@code phase}. */
  abstract HeartSection section(CyclePhase phase);

  /**
   * How much of the ventricle's motion the tissue at heart point {@code (u, v)} shares, from 1 in
   * and around the ventricle to 0 far from the heart; speckle there moves with the tissue.
   */
  abstract double motionWeight(double u, double v);

  /** Draws the axis angle and lateral place of the heart for one recording. */
  abstract HeartPose drawPose(SplittableRandom random, double chestWallCm);

  /**
   * The pose with axis angle {@code axisAngle} and origin {@code x} whose origin depth puts the
   * shallowest cardiac tissue (end-diastole or end-systole) at scan depth {@code topCm}.
   */
  protected HeartPose placedBelow(double axisAngle, double originX, double topCm) {
    double shallowest = extent(new HeartPose(originX, 0, axisAngle), false);
    return new HeartPose(originX, topCm - shallowest, axisAngle);
  }

  /** Scan depth of the deepest cardiac tissue, end-diastole or end-systole, in {@code pose}. */
  double deepestCm(HeartPose pose) {
    return extent(pose, true);
  }

  /** The largest (or smallest) scan {@code y} of cardiac tissue at end-diastole or end-systole. */
  private double extent(HeartPose pose, boolean deepest) {
    double best = deepest ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
    for (CyclePhase phase : new CyclePhase[] {CyclePhase.END_DIASTOLE, CyclePhase.END_SYSTOLE}) {
      HeartSection section = section(phase);
      for (double u = section.minU(); u <= section.maxU(); u += EXTENT_STEP) {
        for (double v = section.minV(); v <= section.maxV(); v += EXTENT_STEP) {
          if (section.tissueAt(u, v) != Tissue.SOFT_TISSUE) {
            double y = pose.y(u, v);
            best = deepest ? Math.max(best, y) : Math.min(best, y);
          }
        }
      }
    }
    return best;
  }
}
