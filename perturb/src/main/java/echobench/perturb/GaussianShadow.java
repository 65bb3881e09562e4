package echobench.perturb;

import java.util.SplittableRandom;

/**
 * {@code shadow-gauss}: the "acoustic shadow" EchoJEPA ran (code and appendix), a 2-D Gaussian
 * darkening with one random centre per video, static over frames.
 *
 * <p>Draws {@code u1, u2 ~ U(0.2, 0.8)} in that order, sets {@code μx = floor(u1·W)},
 * {@code μy = floor(u2·H)}, and multiplies by
 * {@code S = 1 − s·exp(−((x−μx)²/(2(σx·W)²) + (y−μy)²/(2(σy·H)²)))}. Severities 1/2/3:
 * (s, σx = σy) = (0.4, 0.15), (0.6, 0.20), (0.8, 0.25). The centre depends only on the seed, so it
 * is the same at every severity.
 */
public final class GaussianShadow extends MultiplicativeMap {
  private static final double[] STRENGTH = {0, 0.4, 0.6, 0.8};
  private static final double[] SIGMA = {0, 0.15, 0.20, 0.25};

  public static final PerturbationSpec SPEC =
      new PerturbationSpec(
          "shadow-gauss",
          3,
          "EchoJEPA code and appendix: static 2-D Gaussian darkening at a random centre",
          s -> "s=" + STRENGTH[s] + " σx=σy=" + SIGMA[s] + " centre~U(0.2,0.8)",
          GaussianShadow::new);

  private final double strength;
  private final double sigma;

  private GaussianShadow(int severity) {
    super(SPEC.name(), severity);
    this.strength = STRENGTH[severity];
    this.sigma = SIGMA[severity];
  }

  /** The shadow centre {@code (μx, μy)} in pixels that {@code seed} gives on a frame of this size. */
  public static int[] centre(int height, int width, long seed) {
    return centre(height, width, new SplittableRandom(seed));
  }

  private static int[] centre(int height, int width, SplittableRandom random) {
    double u1 = 0.2 + 0.6 * random.nextDouble();
    double u2 = 0.2 + 0.6 * random.nextDouble();
    return new int[] {(int) Math.floor(u1 * width), (int) Math.floor(u2 * height)};
  }

  @Override
  protected float[] map(int height, int width, ScanMask mask, SplittableRandom random) {
    int[] mu = centre(height, width, random);
    double sx = sigma * width;
    double sy = sigma * height;
    // exp(−(a + b)) = exp(−a)·exp(−b): H + W exponentials instead of H·W
    float[] ex = new float[width];
    for (int x = 0; x < width; x++) {
      ex[x] = (float) Math.exp(-(x - mu[0]) * (double) (x - mu[0]) / (2 * sx * sx));
    }
    // each row is 1 − s_y·ex: the row is copied in, then scaled in place (a loop the JIT vectorises)
    float[] m = new float[height * width];
    for (int y = 0; y < height; y++) {
      double ey = Math.exp(-(y - mu[1]) * (double) (y - mu[1]) / (2 * sy * sy));
      float s = (float) (strength * ey);
      int start = y * width;
      System.arraycopy(ex, 0, m, start, width);
      for (int p = start; p < start + width; p++) {
        m[p] = 1 - s * m[p];
      }
    }
    return m;
  }
}
