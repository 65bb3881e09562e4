package echobench.perturb;

import java.util.Locale;

/**
 * {@code haze}: near-field clutter, the grey veil that reverberations in the chest wall lay over the
 * top of the sector (after Østvik et al. 2021, as in {@code usaugment}'s haze artifact).
 *
 * <p>A radial Gaussian band centred near the transducer is added to every frame and channel,
 * {@code I' = min(1, I + a·exp(−(ρ−ρc)² / (2σ²)))}, with {@code ρ} the distance from the sector apex
 * as a fraction of the sector radius and the band centred at {@code ρc = }{@value #CENTRE}.
 * Deterministic: no random draw.
 *
 * <table>
 *   <caption>Band per severity</caption>
 *   <tr><th>severity</th><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>
 *   <tr><th>amplitude a</th><td>0.08</td><td>0.16</td><td>0.28</td><td>0.42</td><td>0.60</td></tr>
 *   <tr><th>width σ (of radius)</th><td>0.08</td><td>0.10</td><td>0.12</td><td>0.15</td>
 *     <td>0.18</td></tr>
 * </table>
 */
public final class Haze extends GradedPerturbation {
  /** Centre of the clutter band as a fraction of the sector radius. */
  public static final double CENTRE = 0.10;

  private static final double[] AMPLITUDE = {0, 0.08, 0.16, 0.28, 0.42, 0.60};
  private static final double[] WIDTH = {0, 0.08, 0.10, 0.12, 0.15, 0.18};

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "haze",
          5,
          "additive near-field clutter: a radial Gaussian band from the sector apex",
          s -> "a=" + AMPLITUDE[s] + " σ=" + WIDTH[s] + "·radius centre=" + CENTRE + "·radius",
          Haze::new);

  /**
   * The severity made continuous, up to strength 12 (a = 1.86, σ = 0.39·radius: the near field
   * clipped to white).
   */
  static final ContinuousSeverity CONTINUOUS =
      new ContinuousSeverity(
          SPEC.name(),
          12,
          s -> String.format(Locale.ROOT, "a=%.4f σ=%.4f·radius", ContinuousSeverity.along(
              AMPLITUDE, s), ContinuousSeverity.along(WIDTH, s)),
          Haze::new);

  private final double amplitude;
  private final double width;

  private Haze(int severity) {
    this(severity, severity);
  }

  private Haze(int severity, double strength) {
    super(SPEC.name(), severity);
    this.amplitude = ContinuousSeverity.along(AMPLITUDE, strength);
    this.width = ContinuousSeverity.along(WIDTH, strength);
  }

  @Override
  public Clip apply(Clip clip, ScanMask mask, long seed) {
    mask.requireMatches(clip);
    SectorPixels sector = SectorPixels.of(mask);
    float[] clutter = new float[sector.count()];
    for (int i = 0; i < clutter.length; i++) {
      double off = sector.depth(i) - CENTRE;
      clutter[i] = (float) (amplitude * Math.exp(-off * off / (2 * width * width)));
    }
    float[] in = clip.data();
    float[] out = in.clone();
    for (int off = 0; off < in.length; off += clip.planeSize()) {
      for (int i = 0; i < clutter.length; i++) {
        int p = off + sector.pixel(i);
        out[p] = Math.min(1f, in[p] + clutter[i]);
      }
    }
    return clip.withData(out);
  }
}
