package echobench.perturb;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code attenuation-db}: pulse-echo attenuation left over after imperfect time-gain compensation,
 * an exponential loss along every beam of the sector.
 *
 * <p>An echo from radial distance {@code r} has travelled {@code 2·r} through tissue, so its
 * amplitude keeps {@code A(r) = 10^(−α·f·2·r_cm / 20)} of its value, where {@code α} is the residual
 * (uncompensated) attenuation coefficient in dB/cm/MHz and {@code f} the transmit frequency. The
 * radius is measured from the sector apex and converted to centimetres with a nominal imaging depth:
 * the sector radius is {@value #DEPTH_CM} cm, a typical adult apical window, imaged at
 * {@value #FREQUENCY_MHZ} MHz. Displayed intensity is treated as proportional to echo amplitude, as
 * in the EchoJEPA presets. Deterministic: no random draw.
 *
 * <table>
 *   <caption>Residual attenuation per severity</caption>
 *   <tr><th>severity</th><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>
 *   <tr><th>α (dB/cm/MHz)</th><td>0.02</td><td>0.05</td><td>0.10</td><td>0.18</td><td>0.30</td></tr>
 *   <tr><th>loss at full depth (dB)</th><td>1.5</td><td>3.75</td><td>7.5</td><td>13.5</td>
 *     <td>22.5</td></tr>
 * </table>
 *
 * <p>For scale, cardiac muscle attenuates about 0.52 dB/cm/MHz, so severity 5 leaves more than half
 * of the myocardium's loss uncompensated.
 */
public final class AttenuationDb extends MultiplicativeMap {
  /** Nominal depth of the deepest arc of the sector, in centimetres. */
  public static final double DEPTH_CM = 15;

  /** Nominal transmit frequency, in megahertz. */
  public static final double FREQUENCY_MHZ = 2.5;

  private static final double[] ALPHA_DB_PER_CM_MHZ = {0, 0.02, 0.05, 0.10, 0.18, 0.30};

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "attenuation-db",
          5,
          "pulse-echo attenuation left after time-gain compensation, exponential along each beam",
          s ->
              "α=" + ALPHA_DB_PER_CM_MHZ[s] + " dB/cm/MHz f=" + FREQUENCY_MHZ + " MHz depth="
                  + DEPTH_CM + " cm (" + String.format(Locale.ROOT, "−%.2f", lossAtFullDepthDb(s))
                  + " dB at the deepest arc)",
          AttenuationDb::new);

  /**
   * The severity made continuous: α along the table, up to 1.14 dB/cm/MHz at strength 12, past
   * any soft tissue's total attenuation (a stress level, not a scanner setting).
   */
  static final ContinuousSeverity CONTINUOUS =
      new ContinuousSeverity(
          SPEC.name(),
          12,
          s -> String.format(Locale.ROOT, "α=%.4f dB/cm/MHz (−%.2f dB at the deepest arc)",
              ContinuousSeverity.along(ALPHA_DB_PER_CM_MHZ, s),
              ContinuousSeverity.along(ALPHA_DB_PER_CM_MHZ, s) * FREQUENCY_MHZ * 2 * DEPTH_CM),
          AttenuationDb::new);

  private final double alpha;

  private AttenuationDb(int severity) {
    this(severity, severity);
  }

  private AttenuationDb(int severity, double strength) {
    super(SPEC.name(), severity);
    this.alpha = ContinuousSeverity.along(ALPHA_DB_PER_CM_MHZ, strength);
  }

  /** The two-way loss in dB at the deepest arc of the sector at {@code severity}. */
  static double lossAtFullDepthDb(int severity) {
    return ALPHA_DB_PER_CM_MHZ[severity] * FREQUENCY_MHZ * 2 * DEPTH_CM;
  }

  @Override
  protected float[] map(int height, int width, ScanMask mask, SplittableRandom random) {
    SectorPixels sector = SectorPixels.of(mask);
    double dbPerUnitDepth = alpha * FREQUENCY_MHZ * 2 * DEPTH_CM;
    float[] m = new float[height * width];
    Arrays.fill(m, 1f);
    for (int i = 0; i < sector.count(); i++) {
      m[sector.pixel(i)] = (float) Math.pow(10, -dbPerUnitDepth * sector.depth(i) / 20);
    }
    return m;
  }
}
