package echobench.harness.synth;

/**
 * The timing of one heartbeat, repeated at the heart rate: isovolumic contraction, ejection,
 * isovolumic relaxation, then diastole with early (E) filling, diastasis and atrial (A) filling.
 *
 * <p>Ejection lasts {@code 413 − 1.7·HR} ms (Weissler's regression, at least 120 ms), at most 38 %
 * of the beat; the isovolumic phases last 50 and 70 ms, less at fast rates. The mitral and
 * tricuspid valves open at the start of diastole, drift half shut in diastasis, reopen with the
 * atrial kick and close at end-diastole; the aortic valve is open during ejection only.
 *
 * @param heartRateBpm beats per minute
 * @param startSeconds where in the beat the clip starts (0 = end-diastole)
 * @param earlyFillingShare fraction of the stroke volume refilled in early diastole (E/(E+A)-like)
 */
public record CardiacCycle(double heartRateBpm, double startSeconds, double earlyFillingShare) {
  private static final double EARLY_END = 0.35;
  private static final double DIASTASIS_END = 0.75;
  private static final double DIASTASIS_FILLING = 0.1;

  public CardiacCycle {
    if (!(heartRateBpm > 0)) {
      throw new IllegalArgumentException("heart rate must be positive, not " + heartRateBpm);
    }
    if (!(earlyFillingShare > 0 && earlyFillingShare < 1)) {
      throw new IllegalArgumentException("early filling share must be in (0,1)");
    }
  }

  /** Length of one beat in seconds. */
  public double periodSeconds() {
    return 60 / heartRateBpm;
  }

  /** The heart's state {@code seconds} after the start of the clip. */
  public CyclePhase at(double seconds) {
    double period = periodSeconds();
    double time = positiveModulo(seconds + startSeconds, period);
    double contractionTime = Math.min(0.05, 0.07 * period);
    double ejection = Math.min(Math.max(0.413 - 0.0017 * heartRateBpm, 0.12), 0.38 * period);
    double relaxation = Math.min(0.07, 0.09 * period);
    double systole = contractionTime + ejection + relaxation;
    if (time < contractionTime) {
      return new CyclePhase(0, 0, 0, 0);
    }
    if (time < contractionTime + ejection) {
      double x = (time - contractionTime) / ejection;
      return new CyclePhase(smooth(x), 0, Math.min(1, Math.min(6 * x, 6 * (1 - x))), 0);
    }
    if (time < systole) {
      return new CyclePhase(1, 0, 0, 0);
    }
    return diastole((time - systole) / (period - systole));
  }

  /** Diastole at fraction {@code x} of its length. */
  private CyclePhase diastole(double x) {
    double late = 1 - earlyFillingShare;
    double contraction;
    double opening;
    double atrial = 0;
    if (x < EARLY_END) {
      contraction = 1 - earlyFillingShare * smooth(x / EARLY_END);
      opening = Math.min(1, x / 0.08);
    } else if (x < DIASTASIS_END) {
      double y = (x - EARLY_END) / (DIASTASIS_END - EARLY_END);
      contraction = late * (1 - DIASTASIS_FILLING * y);
      opening = Math.max(0.4, 1 - 0.6 * y / 0.5);
    } else {
      double y = (x - DIASTASIS_END) / (1 - DIASTASIS_END);
      contraction = late * (1 - DIASTASIS_FILLING) * (1 - smooth(y));
      opening = y < 0.4 ? 0.4 + 0.5 * y / 0.4 : 0.9 * (1 - y) / 0.6;
      atrial = Math.sin(Math.PI * y);
    }
    return new CyclePhase(contraction, opening, 0, atrial);
  }

  /** A smooth step from 0 to 1 on {@code [0,1]}. */
  private static double smooth(double x) {
    return (1 - Math.cos(Math.PI * x)) / 2;
  }

  private static double positiveModulo(double value, double modulus) {
    double r = value % modulus;
    return r < 0 ? r + modulus : r;
  }
}
