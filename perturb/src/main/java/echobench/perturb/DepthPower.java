package echobench.perturb;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code depth-power}: the depth attenuation of the EchoJEPA appendix,
 * {@code A = max(a, 1 − (y/H)^γ)}. Severities 1/2/3: γ = 0.75, 1.50, 2.15 with floor a = 0.
 */
public final class DepthPower extends MultiplicativeMap {
  private static final double[] GAMMA = {0, 0.75, 1.50, 2.15};
  private static final double FLOOR = 0;

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "depth-power",
          3,
          "EchoJEPA appendix: intensity falls as a power of image row",
          s -> "γ=" + GAMMA[s] + " a=" + FLOOR,
          DepthPower::new);

  private final double gamma;

  private DepthPower(int severity) {
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
      float a = (float) Math.max(FLOOR, 1 - Math.pow(y / (double) height, gamma));
      Arrays.fill(m, y * width, (y + 1) * width, a);
    }
    return m;
  }
}
