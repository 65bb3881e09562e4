package echobench.harness.synth;

/**
 * The state of the heart at one instant of its cycle.
 *
 * @param contraction ventricular contraction, 0 at end-diastole and 1 at end-systole
 * @param atrioventricularOpening opening of the mitral and tricuspid valves, 0 closed to 1 wide
 *     open
 * @param aorticOpening opening of the aortic valve, 0 closed to 1 wide open
 * @param atrialContraction atrial systole, 0 relaxed to 1 at its peak
 */
public record CyclePhase(
    double contraction, double atrioventricularOpening, double aorticOpening,
    double atrialContraction) {

  /** End-diastole: relaxed ventricles, every valve closed. */
  public static final CyclePhase END_DIASTOLE = new CyclePhase(0, 0, 0, 0);
  /** End-systole: fully contracted ventricles, every valve closed. */
  public static final CyclePhase END_SYSTOLE = new CyclePhase(1, 0, 0, 0);
}
