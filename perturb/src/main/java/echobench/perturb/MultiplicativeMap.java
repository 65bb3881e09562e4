package echobench.perturb;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Base of the perturbations that multiply every frame and channel by one {@code H×W} map in
 * {@code [0,1]}: depth attenuation, acoustic shadows. The map is computed once per clip and applied
 * in a single pass; pixels outside the scan mask keep multiplier 1.
 */
public abstract class MultiplicativeMap extends GradedPerturbation {
  /** Maps that depend only on the frame size, computed once per size and severity. */
  private static final Map<String, float[]> DETERMINISTIC_MAPS = lruCache(64);

  /** Their masked, clamped form for the last scan mask used, by the same keys. */
  private static final Map<String, AppliedMap> APPLIED_MAPS = lruCache(64);

  /** An applied map and the scan mask (by identity) it was made for. */
  private record AppliedMap(ScanMask mask, float[] values) {}

  protected MultiplicativeMap(String name, int severity) {
    super(name, severity);
  }

  /**
   * The multiplier at every pixel, row-major {@code H·W}. Values outside the scan mask are ignored
   * (set to 1 by the caller); values are clamped to {@code [0,1]}.
   *
   * @param random the clip's generator; draw any random parameters from it, in a fixed order
   */
  protected abstract float[] map(int height, int width, ScanMask mask, SplittableRandom random);

  /**
   * Whether {@link #map} depends only on the frame size and the severity (no random draw, no use of
   * the mask), like the EchoJEPA depth ramps. Such a map is computed once per size and cached.
   */
  protected boolean dependsOnFrameSizeOnly() {
    return false;
  }

  /** The multiplier map as applied: masked and clamped (a fresh array the caller may keep). */
  public final float[] appliedMap(int height, int width, ScanMask mask, long seed) {
    return sharedAppliedMap(height, width, mask, seed).clone();
  }

  /**
   * The applied map, shared and never to be written: for a deterministic family it is kept for the
   * last scan mask it was applied with, so clips that share a mask (every condition of one video,
   * or a whole dataset with a fixed sector) skip the per-pixel masking pass.
   */
  private float[] sharedAppliedMap(int height, int width, ScanMask mask, long seed) {
    if (!dependsOnFrameSizeOnly()) {
      return masked(map(height, width, mask, new SplittableRandom(seed)), mask);
    }
    String key = name() + "/" + severity() + "/" + height + "x" + width;
    synchronized (APPLIED_MAPS) {
      AppliedMap last = APPLIED_MAPS.get(key);
      if (last != null && last.mask() == mask) {
        return last.values();
      }
    }
    float[] values = masked(cachedMap(key, height, width, mask), mask);
    synchronized (APPLIED_MAPS) {
      APPLIED_MAPS.put(key, new AppliedMap(mask, values));
    }
    return values;
  }

  private static float[] masked(float[] raw, ScanMask mask) {
    float[] m = new float[raw.length];
    for (int p = 0; p < m.length; p++) {
      m[p] = mask.contains(p) ? Math.min(1f, Math.max(0f, raw[p])) : 1f;
    }
    return m;
  }

  private float[] cachedMap(String key, int height, int width, ScanMask mask) {
    synchronized (DETERMINISTIC_MAPS) {
      float[] cached = DETERMINISTIC_MAPS.get(key);
      if (cached != null) {
        return cached;
      }
    }
    float[] computed = map(height, width, mask, new SplittableRandom(0));
    synchronized (DETERMINISTIC_MAPS) {
      DETERMINISTIC_MAPS.put(key, computed);
    }
    return computed;
  }

  private static <V> Map<String, V> lruCache(int capacity) {
    return new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
        return size() > capacity;
      }
    };
  }

  @Override
  public final Clip apply(Clip clip, ScanMask mask, long seed) {
    return applyInto(clip, mask, seed, new float[clip.data().length]);
  }

  /** One pass over the frames writing straight into {@code destination}; no clip-sized allocation. */
  @Override
  public final Clip applyInto(Clip clip, ScanMask mask, long seed, float[] out) {
    mask.requireMatches(clip);
    clip.requireOutputBuffer(out);
    float[] in = clip.data();
    float[] m = sharedAppliedMap(clip.height(), clip.width(), mask, seed);
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
