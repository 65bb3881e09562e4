package echobench.perturb;

import java.util.SplittableRandom;

/**
 * {@code depth-exp}: the depth attenuation EchoJEPA actually ran (the {@code usaugment}
 * {@code DepthAttenuation} transform, after Østvik et al. 2021).
 *
 * <p>With normalised coordinates {@code xn = x/(W−1)}, {@code yn = y/(H−1)} and the distance from the
 * top-centre apex {@code d = sqrt((xn−0.5)² + yn²)}, the multiplier is
 * {@code A = (1−a)·exp(−γ·d) + a}. Severities 1/2/3: γ = 0.75, 1.50, 2.15 with floor a = 0. At the
 * bottom centre ({@code d = 1}) that leaves 47 %, 22 % and 12 % of the intensity.
 */
public final class DepthExponential extends MultiplicativeMap {
  private static final double[] GAMMA = {0, 0.75, 1.50, 2.15};
  private static final double FLOOR = 0;

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "depth-exp",
          3,
          "EchoJEPA code (usaugment): exponential loss with distance from the top-centre apex",
          s -> "γ=" + GAMMA[s] + " a=" + FLOOR,
          DepthExponential::new);

  private final double gamma;

  private DepthExponential(int severity) {
    super(SPEC.name(), severity);
    this.gamma = GAMMA[severity];
  }

  @Override
  protected boolean dependsOnFrameSizeOnly() {
    return true;
  }

  @Override
  protected float[] map(int height, int width, ScanMask mask, SplittableRandom random) {
    float[] m = new float[height * width];
    for (int y = 0; y < height; y++) {
      double yn = height > 1 ? y / (double) (height - 1) : 0;
      for (int x = 0; x < width; x++) {
        double xn = width > 1 ? x / (double) (width - 1) : 0;
        double d = Math.sqrt((xn - 0.5) * (xn - 0.5) + yn * yn);
        m[y * width + x] = (float) ((1 - FLOOR) * Math.exp(-gamma * d) + FLOOR);
      }
    }
    return m;
  }
}
