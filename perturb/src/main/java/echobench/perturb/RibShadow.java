package echobench.perturb;

import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * {@code rib-shadow}: the acoustic shadow of a rib in a sector scan, a dark wedge that starts at the
 * occluder and runs down the beams behind it to the bottom of the fan.
 *
 * <p>The occluder sits at depth {@code r0} on beam angle {@code θ0}. Beyond it the intensity is
 * multiplied by {@code 1 − b·exp(−(θ−θ0)² / (2σθ²))}; nearer the apex nothing changes. Per clip,
 * {@code θ0 ~ centre + U(−0.7, 0.7)·half-angle} then {@code r0 ~ U(0.10, 0.35)·radius} are drawn
 * in that order, so a video's shadow lies in the same place at every severity. Severity sets the
 * angular width {@code σθ} and the blocked fraction {@code b} on the shadow's axis:
 *
 * <table>
 *   <caption>Shadow per severity</caption>
 *   <tr><th>severity</th><td>1</td><td>2</td><td>3</td><td>4</td><td>5</td></tr>
 *   <tr><th>σθ (degrees)</th><td>2</td><td>3.5</td><td>5</td><td>7</td><td>9</td></tr>
 *   <tr><th>blocked fraction b</th><td>0.35</td><td>0.55</td><td>0.70</td><td>0.85</td>
 *     <td>0.95</td></tr>
 * </table>
 */
public final class RibShadow extends MultiplicativeMap {
  private static final double[] SIGMA_DEGREES = {0, 2, 3.5, 5, 7, 9};
  private static final double[] BLOCKED = {0, 0.35, 0.55, 0.70, 0.85, 0.95};
  private static final double ANGLE_RANGE = 0.7;
  private static final double MIN_DEPTH = 0.10;
  private static final double MAX_DEPTH = 0.35;

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "rib-shadow",
          5,
          "acoustic shadow of a rib: a Gaussian wedge of beams darkened beyond the occluder",
          s ->
              "σθ=" + SIGMA_DEGREES[s] + "° b=" + BLOCKED[s] + " θ0~U(−" + ANGLE_RANGE + ","
                  + ANGLE_RANGE + ")·half-angle r0~U(" + MIN_DEPTH + "," + MAX_DEPTH + ")·radius",
          RibShadow::new);

  /**
   * Where the rib sits: beam angle in radians and depth as a fraction of the sector radius.
   *
   * @param angle {@code θ0}, radians from the vertical
   * @param depth {@code r0 / radius}
   */
  record Occluder(double angle, double depth) {}

  /**
   * The severity made continuous: the blocked fraction reaches 1 at strength 5.5 and stays there,
   * while the shadow keeps widening (several ribs, a wider occluder), up to σθ = 59° at strength 30.
   */
  static final ContinuousSeverity CONTINUOUS =
      new ContinuousSeverity(
          SPEC.name(),
          30,
          s -> String.format(Locale.ROOT, "σθ=%.3f° b=%.4f", ContinuousSeverity.along(
              SIGMA_DEGREES, s), Math.min(1, ContinuousSeverity.along(BLOCKED, s))),
          RibShadow::new);

  private final double sigma;
  private final double blocked;

  private RibShadow(int severity) {
    this(severity, severity);
  }

  private RibShadow(int severity, double strength) {
    super(SPEC.name(), severity);
    this.sigma = Math.toRadians(ContinuousSeverity.along(SIGMA_DEGREES, strength));
    this.blocked = Math.min(1, ContinuousSeverity.along(BLOCKED, strength));
  }

  /** The occluder that {@code seed} places in {@code sector}, identical at every severity. */
  static Occluder occluder(SectorGeometry sector, long seed) {
    return occluder(sector, new SplittableRandom(seed));
  }

  private static Occluder occluder(SectorGeometry sector, SplittableRandom random) {
    double angle =
        sector.centreAngle() + (2 * random.nextDouble() - 1) * ANGLE_RANGE * sector.halfAngle();
    double depth = MIN_DEPTH + (MAX_DEPTH - MIN_DEPTH) * random.nextDouble();
    return new Occluder(angle, depth);
  }

  @Override
  protected float[] map(int height, int width, ScanMask mask, SplittableRandom random) {
    Occluder rib = occluder(mask.geometry(), random);
    SectorPixels sector = SectorPixels.of(mask);
    float[] m = new float[height * width];
    Arrays.fill(m, 1f);
    for (int i = 0; i < sector.count(); i++) {
      if (sector.depth(i) >= rib.depth()) {
        double off = sector.angle(i) - rib.angle();
        m[sector.pixel(i)] = (float) (1 - blocked * Math.exp(-off * off / (2 * sigma * sigma)));
      }
    }
    return m;
  }
}
