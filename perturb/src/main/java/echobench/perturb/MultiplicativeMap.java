package echobench.perturb;

import java.util.SplittableRandom;

/**
 * Base of the perturbations that multiply every frame and channel by one {@code H×W} map in
 * {@code [0,1]}: depth attenuation, acoustic shadows. The map is computed once per clip and applied
 * in a single pass; pixels outside the scan mask keep multiplier 1.
 */
public abstract class MultiplicativeMap implements Perturbation {
  private final String name;
  private final int severity;

  protected MultiplicativeMap(String name, int severity) {
    this.name = name;
    this.severity = severity;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final int severity() {
    return severity;
  }

  /**
   * The multiplier at every pixel, row-major {@code H·W}. Values outside the scan mask are ignored
   * (set to 1 by the caller); values are clamped to {@code [0,1]}.
   *
   * @param random the clip's generator; draw any random parameters from it, in a fixed order
   */
  protected abstract float[] map(int height, int width, ScanMask mask, SplittableRandom random);

  /** The multiplier map as applied: masked and clamped. */
  public final float[] appliedMap(int height, int width, ScanMask mask, long seed) {
    float[] m = map(height, width, mask, new SplittableRandom(seed));
    for (int p = 0; p < m.length; p++) {
      m[p] = mask.contains(p) ? Math.min(1f, Math.max(0f, m[p])) : 1f;
    }
    return m;
  }

  @Override
  public final Clip apply(Clip clip, ScanMask mask, long seed) {
    mask.requireMatches(clip);
    float[] m = appliedMap(clip.height(), clip.width(), mask, seed);
    float[] in = clip.data();
    float[] out = new float[in.length];
    int plane = m.length;
    for (int off = 0; off < in.length; off += plane) {
      multiply(in, out, off, m);
    }
    return clip.withData(out);
  }

  private static void multiply(float[] in, float[] out, int off, float[] m) {
    for (int p = 0; p < m.length; p++) {
      out[off + p] = in[off + p] * m[p];
    }
  }
}
