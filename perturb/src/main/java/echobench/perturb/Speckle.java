package echobench.perturb;

import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code speckle}: multiplicative fully developed speckle, the interference pattern of many
 * unresolved scatterers per resolution cell.
 *
 * <p>Each frame gets a fresh unit-mean Rayleigh map {@code S} from a {@link SpeckleField} whose
 * point-spread function is a separable Gaussian, wider across the beam than along it (σ lateral
 * {@value #LATERAL_SIGMA_PX} px, σ axial {@value #AXIAL_SIGMA_PX} px at the clip's resolution), and
 * the frame becomes {@code I' = min(1, I·((1−w) + w·S))}. The same map multiplies every channel of a
 * frame. The speckle contrast added is {@code w·√(4/π−1) ≈ 0.52·w}. Frame seeds are the successive
 * {@code nextLong()} draws of a {@link SplittableRandom} seeded with the clip seed.
 *
 * <table>
 *   <caption>Mixing weight per severity</caption>
 *   <tr><th>severity</th><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>
 *   <tr><th>w</th><td>0.15</td><td>0.30</td><td>0.50</td><td>0.75</td><td>1.00</td></tr>
 *   <tr><th>contrast 0.52·w</th><td>0.08</td><td>0.16</td><td>0.26</td><td>0.39</td>
 *     <td>0.52</td></tr>
 * </table>
 */
public final class Speckle extends GradedPerturbation {
  /** Standard deviation of the point-spread function across the beam, in pixels. */
  public static final double LATERAL_SIGMA_PX = 1.5;

  /** Standard deviation of the point-spread function along the beam, in pixels. */
  public static final double AXIAL_SIGMA_PX = 0.75;

  private static final double[] WEIGHT = {0, 0.15, 0.30, 0.50, 0.75, 1.00};

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "speckle",
          5,
          "multiplicative fully developed (Rayleigh) speckle through a Gaussian PSF, new every frame",
          s ->
              "w=" + WEIGHT[s] + " PSF σ lateral=" + LATERAL_SIGMA_PX + " px axial="
                  + AXIAL_SIGMA_PX + " px",
          Speckle::new);

  /** The severity made continuous, up to strength 5: a weight above 1 is not a mixture. */
  static final ContinuousSeverity CONTINUOUS =
      new ContinuousSeverity(
          SPEC.name(),
          5,
          s -> String.format(Locale.ROOT, "w=%.4f", ContinuousSeverity.along(WEIGHT, s)),
          Speckle::new);

  private final float weight;

  private Speckle(int severity) {
    this(severity, severity);
  }

  private Speckle(int severity, double strength) {
    super(SPEC.name(), severity);
    this.weight = (float) ContinuousSeverity.along(WEIGHT, strength);
  }

  @Override
  public Clip apply(Clip clip, ScanMask mask, long seed) {
    mask.requireMatches(clip);
    SectorPixels sector = SectorPixels.of(mask);
    SpeckleField field =
        new SpeckleField(clip.height(), clip.width(), LATERAL_SIGMA_PX, AXIAL_SIGMA_PX);
    SplittableRandom frameSeeds = new SplittableRandom(seed);
    float[] in = clip.data();
    float[] out = in.clone();
    float keep = 1 - weight;
    for (int t = 0; t < clip.frames(); t++) {
      float[] s = field.next(new SplittableRandom(frameSeeds.nextLong()));
      for (int c = 0; c < clip.channels(); c++) {
        int off = (c * clip.frames() + t) * clip.planeSize();
        for (int i = 0; i < sector.count(); i++) {
          int p = off + sector.pixel(i);
          out[p] = Math.min(1f, in[p] * (keep + weight * s[sector.pixel(i)]));
        }
      }
    }
    return clip.withData(out);
  }
}
