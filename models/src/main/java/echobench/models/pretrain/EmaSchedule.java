package echobench.models.pretrain;

/**
 * The momentum of the JEPA target encoder: linear from {@code start} at step 0 to {@code end} at
 * {@code totalSteps} (V-JEPA 1's default 0.998 → 1.0; V-JEPA 2 holds it constant). After step
 * {@code s} the target becomes {@code m(s)·target + (1 − m(s))·online}.
 */
public record EmaSchedule(double start, double end, long totalSteps) {
  /** Validates the schedule. */
  public EmaSchedule {
    if (!(start >= 0 && start <= 1 && end >= 0 && end <= 1) || totalSteps <= 0) {
      throw new IllegalArgumentException("EMA momenta must lie in [0, 1] over a positive step count");
    }
  }

  /** The momentum used after the 0-based {@code step}. */
  public double at(long step) {
    return start + (end - start) * Math.min(step, totalSteps) / totalSteps;
  }
}
