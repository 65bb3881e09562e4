package echobench.perturb;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * {@code depth-linear}: the depth attenuation of the EchoJEPA paper's main text, a linear ramp down
 * the image, {@code A = max(0, 1 − α·y/H)}. Severities 1/2/3: α = 0.3, 0.5, 0.7.
 */
public final class DepthLinear extends MultiplicativeMap {
  private static final double[] ALPHA = {0, 0.3, 0.5, 0.7};

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "depth-linear",
          3,
          "EchoJEPA main text: intensity falls linearly with image row",
          s -> "α=" + ALPHA[s],
          DepthLinear::new);

  private final double alpha;

  private DepthLinear(int severity) {
    super(SPEC.name(), severity);
    this.alpha = ALPHA[severity];
  }

  @Override
  protected boolean dependsOnFrameSizeOnly() {
    return true;
  }

  @Override
  protected float[] map(int height, int width, ScanMask mask, SplittableRandom random) {
    float[] m = new float[height * width];
    for (int y = 0; y < height; y++) {
      float a = (float) Math.max(0, 1 - alpha * y / height);
      Arrays.fill(m, y * width, (y + 1) * width, a);
    }
    return m;
  }
}
