package echobench.perturb;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code gain}: a mis-set overall gain and a mis-calibrated grey map (gamma), applied inside the
 * sector as {@code I' = min(1, g·I^γ)}.
 *
 * <p>One draw per clip picks the direction: over-gain ({@code g > 1}, {@code γ < 1}, a washed-out
 * bright image) or under-gain (the reciprocals {@code 1/g}, {@code 1/γ}, a dark image), each with
 * probability ½. The direction depends only on the seed, so a video is over- or under-gained at
 * every severity alike, and {@code |ln g| + |ln γ|} grows with severity.
 *
 * <table>
 *   <caption>Over-gain parameters per severity (under-gain uses their reciprocals)</caption>
 *   <tr><th>severity</th><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>
 *   <tr><th>g</th><td>1.1</td><td>1.2</td><td>1.35</td><td>1.6</td><td>2.0</td></tr>
 *   <tr><th>γ</th><td>0.95</td><td>0.88</td><td>0.8</td><td>0.7</td><td>0.55</td></tr>
 * </table>
 */
public final class Gain extends GradedPerturbation {
  private static final double[] OVER_GAIN = {1, 1.1, 1.2, 1.35, 1.6, 2.0};
  private static final double[] OVER_GAMMA = {1, 0.95, 0.88, 0.8, 0.7, 0.55};

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "gain",
          5,
          "global gain and gamma mis-calibration, over- or under-gain chosen per clip",
          s ->
              "over: g=" + OVER_GAIN[s] + " γ=" + OVER_GAMMA[s] + "; under: g=1/" + OVER_GAIN[s]
                  + " γ=1/" + OVER_GAMMA[s] + "; direction ~ fair coin per clip",
          Gain::new);


  /** The severity made continuous, up to strength 8 (g = 3.2, γ = 0.1). */
  static final ContinuousSeverity CONTINUOUS =
      new ContinuousSeverity(
          SPEC.name(),
          8,
          s -> String.format(Locale.ROOT, "over: g=%.4f γ=%.4f; under: reciprocals",
              ContinuousSeverity.along(OVER_GAIN, s), ContinuousSeverity.along(OVER_GAMMA, s)),
          Gain::new);

  private final double overGain;
  private final double overGamma;

  private Gain(int severity) {
    this(severity, severity);
  }

  private Gain(int severity, double strength) {
    super(SPEC.name(), severity);
    this.overGain = ContinuousSeverity.along(OVER_GAIN, strength);
    this.overGamma = ContinuousSeverity.along(OVER_GAMMA, strength);
  }

  /** Whether {@code seed} gives over-gain (brighter) rather than under-gain (darker). */
  static boolean overGain(long seed) {
    return new SplittableRandom(seed).nextBoolean();
  }

  @Override
  public Clip apply(Clip clip, ScanMask mask, long seed) {
    mask.requireMatches(clip);
    boolean over = overGain(seed);
    double gain = over ? overGain : 1 / overGain;
    double gamma = over ? overGamma : 1 / overGamma;
    SectorPixels sector = SectorPixels.of(mask);
    float[] in = clip.data();
    float[] out = in.clone();
    for (int off = 0; off < in.length; off += clip.planeSize()) {
      for (int i = 0; i < sector.count(); i++) {
        int p = off + sector.pixel(i);
        out[p] = (float) Math.min(1, gain * Math.pow(in[p], gamma));
      }
    }
    return clip.withData(out);
  }
}
