package echobench.models.probe;

/**
 * Z-scores regression targets with the training split's mean and standard deviation, and maps
 * predictions back to original units (EchoJEPA: z-score with train statistics, report in the
 * target's own units).
 *
 * @param mean the training targets' mean
 * @param std their population standard deviation, positive
 */
public record TargetScaler(double mean, double std) {

  public TargetScaler {
    if (!Double.isFinite(mean) || !(std > 0) || !Double.isFinite(std)) {
      throw new IllegalArgumentException("target scaler needs a finite mean and positive std");
    }
  }

  /** Leaves values unchanged (classification labels). */
  public static TargetScaler identity() {
    return new TargetScaler(0, 1);
  }

  /**
   * Fits the scaler to the training targets.
   *
   * @throws IllegalArgumentException if there are fewer than two targets or they are all equal
   */
  public static TargetScaler fit(float[] trainTargets) {
    if (trainTargets.length < 2) {
      throw new IllegalArgumentException("fitting a target scaler needs at least two targets");
    }
    double sum = 0;
    for (float target : trainTargets) {
      sum += target;
    }
    double mean = sum / trainTargets.length;
    double squares = 0;
    for (float target : trainTargets) {
      squares += (target - mean) * (target - mean);
    }
    double std = Math.sqrt(squares / trainTargets.length);
    if (!(std > 0)) {
      throw new IllegalArgumentException("all training targets are equal to " + mean);
    }
    return new TargetScaler(mean, std);
  }

  /** Original units → z-score. */
  public float toZ(double value) {
    return (float) ((value - mean) / std);
  }

  /** Z-score → original units. */
  public double fromZ(double z) {
    return z * std + mean;
  }
}
