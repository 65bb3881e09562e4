package echobench.models.nn;

/**
 * Learning rate by step: linear warm-up from {@code startLr} to {@code peakLr} over {@code
 * warmupSteps}, then a half cosine from {@code peakLr} down to {@code finalLr} at {@code totalSteps}
 * (V-JEPA's {@code WarmupCosineSchedule}). Past {@code totalSteps} it stays at {@code finalLr}.
 */
public record LrSchedule(
    double startLr, double peakLr, double finalLr, long warmupSteps, long totalSteps) {

  /** Validates the schedule. */
  public LrSchedule {
    if (startLr < 0 || peakLr <= 0 || finalLr < 0) {
      throw new IllegalArgumentException("learning rates must be non-negative, the peak positive");
    }
    if (warmupSteps < 0 || totalSteps <= 0 || warmupSteps > totalSteps) {
      throw new IllegalArgumentException(
          "need 0 <= warmup (" + warmupSteps + ") <= total (" + totalSteps + ") and total > 0");
    }
  }

  /** The learning rate for the 0-based {@code step}. */
  public double at(long step) {
    if (step < warmupSteps) {
      return startLr + (peakLr - startLr) * step / warmupSteps;
    }
    long decaySteps = totalSteps - warmupSteps;
    if (decaySteps == 0 || step >= totalSteps) {
      return step >= totalSteps ? finalLr : peakLr;
    }
    double progress = (double) (step - warmupSteps) / decaySteps;
    return finalLr + (peakLr - finalLr) * 0.5 * (1 + Math.cos(Math.PI * progress));
  }
}
