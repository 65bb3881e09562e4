package echobench.perturb;

import java.util.SplittableRandom;

/**
 * {@code shadow-band}: the shadow of the EchoJEPA paper's main text, a vertical band fully dark at
 * its centre column, {@code S = 1 − exp(−(x−x0)²/(2σ²))} with {@code x0 ~ U(0, W)} drawn once per
 * video. Severities 1/2/3: σ = 0.1·W, 0.2·W, 0.3·W.
 */
public final class BandShadow extends MultiplicativeMap {
  private static final double[] SIGMA = {0, 0.1, 0.2, 0.3};

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "shadow-band",
          3,
          "EchoJEPA main text: a vertical band darkened to black at a random column",
          s -> "σ=" + SIGMA[s] + "·W x0~U(0,W)",
          BandShadow::new);

  private final double sigma;

  private BandShadow(int severity) {
    super(SPEC.name(), severity);
    this.sigma = SIGMA[severity];
  }

  @Override
  protected float[] map(int height, int width, ScanMask mask, SplittableRandom random) {
    double x0 = random.nextDouble() * width;
    double s = sigma * width;
    float[] row = new float[width];
    for (int x = 0; x < width; x++) {
      row[x] = (float) (1 - Math.exp(-(x - x0) * (x - x0) / (2 * s * s)));
    }
    float[] m = new float[height * width];
    for (int y = 0; y < height; y++) {
      System.arraycopy(row, 0, m, y * width, width);
    }
    return m;
  }
}
