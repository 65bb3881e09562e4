package echobench.harness.bench;

import echobench.perturb.Clip;
import echobench.perturb.ScanMask;

/**
 * The yardstick of {@code bench perturb}: the plainest possible per-pixel multiply of every frame by
 * one {@code H×W} map, into an output array allocated once: the same loop, line for line, as the C
 * one in {@code harness/src/test/c/multiply_baseline.c}. The JIT of Java 17 does not vectorise this
 * form (the map and the frames are indexed with different offsets), so the multiplicative-map
 * perturbations, which fill each frame with the map and multiply in place, can beat this row.
 */
public final class MultiplyReference {
  /** The name of its row in the benchmark table. */
  public static final String NAME = "multiply-reference";

  private final float[] map;
  private final float[] out;

  /** A reference for clips shaped like {@code clip}, multiplying by a depth ramp inside the mask. */
  public MultiplyReference(Clip clip, ScanMask mask) {
    int width = clip.width();
    map = new float[clip.planeSize()];
    for (int p = 0; p < map.length; p++) {
      map[p] = mask.contains(p) ? 1f - 0.5f * (p / width) / clip.height() : 1f;
    }
    out = new float[clip.data().length];
  }

  /** Multiplies {@code clip} by the map; the returned clip shares this reference's output array. */
  public Clip apply(Clip clip) {
    float[] in = clip.data();
    int plane = map.length;
    for (int off = 0; off < in.length; off += plane) {
      for (int p = 0; p < plane; p++) {
        out[off + p] = in[off + p] * map[p];
      }
    }
    return clip.withData(out);
  }
}
