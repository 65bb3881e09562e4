package echobench.harness.calibration;

import echobench.perturb.ContinuousSeverity;
import echobench.perturb.PerturbationSpec;
import echobench.perturb.Perturbations;
import echobench.perturb.SeverityTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Solves, per suite family, for the strength of each calibrated level: the continuous strength
 * ({@link ContinuousSeverity}) at which the family takes away the level's target share of the
 * cavity–myocardium CNR ({@link SeverityTable#TARGET_LOSSES}), found by bisection on
 * {@code (0, max]}; a level the family cannot reach gets its largest strength, and the loss that
 * gives, below the target. Every registered family's published severities are measured too, so
 * the table shows how strong they are on the same scale. Strengths are rounded to {@value
 * SeverityTable#STRENGTH_DECIMALS} decimals and the loss reported is the one the rounded strength
 * gives.
 */
public final class SeverityCalibrator {
  /** Defaults of the shipped table: clips, frame size, frames, seed and draws per clip. */
  public static final int CLIPS = 256;
  public static final int SIZE = 112;
  public static final int FRAMES = 8;
  public static final long SEED = 18;
  public static final int DRAWS = 4;

  private static final int MAX_STEPS = 30;
  private static final double LOSS_TOLERANCE = 5e-4;

  private final CnrLossMeter meter;

  SeverityCalibrator(CnrLossMeter meter) {
    this.meter = meter;
  }

  /**
   * The table measured on {@code clips} simulated clips of {@code size}² pixels and {@code frames}
   * frames from {@code seed}, a random family with {@code draws} seeds per clip.
   */
  public static SeverityTable calibrate(int clips, int size, int frames, long seed, int draws) {
    return new SeverityCalibrator(CnrLossMeter.simulate(clips, size, frames, seed, seed, draws))
        .run();
  }

  /** The table: published severities of every family, then the calibrated levels. */
  SeverityTable run() {
    List<SeverityTable.Row> rows = new ArrayList<>();
    for (PerturbationSpec spec : Perturbations.all()) {
      for (int k = 1; k <= spec.maxSeverity(); k++) {
        rows.add(SeverityTable.Row.published(spec.name(), k,
            meter.loss(spec.name(), spec.at(k))));
      }
    }
    for (PerturbationSpec spec : Perturbations.all()) {
      Optional<ContinuousSeverity> continuous = Perturbations.continuous(spec.name());
      if (continuous.isEmpty()) {
        continue;
      }
      double[] targets = SeverityTable.TARGET_LOSSES;
      for (int level = 1; level <= targets.length; level++) {
        double strength = solve(continuous.get(), level, targets[level - 1]);
        rows.add(SeverityTable.Row.calibrated(spec.name(), level, strength, targets[level - 1],
            loss(continuous.get(), level, strength)));
      }
    }
    return new SeverityTable(rows);
  }

  /** The rounded strength whose loss is nearest {@code target}, by bisection. */
  private double solve(ContinuousSeverity family, int level, double target) {
    double low = 0;
    double high = family.max();
    for (int step = 0; step < MAX_STEPS; step++) {
      double middle = 0.5 * (low + high);
      double loss = loss(family, level, middle);
      if (Math.abs(loss - target) < LOSS_TOLERANCE) {
        low = middle;
        high = middle;
        break;
      }
      if (loss < target) {
        low = middle;
      } else {
        high = middle;
      }
    }
    double unit = Math.pow(10, -SeverityTable.STRENGTH_DECIMALS);
    double rounded = Math.max(unit, Math.min(family.max(),
        Math.round(0.5 * (low + high) / unit) * unit));
    return SeverityTable.round(rounded);
  }

  private double loss(ContinuousSeverity family, int level, double strength) {
    return meter.loss(family.family(), family.at(level, strength));
  }
}
