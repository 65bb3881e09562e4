package echobench.harness.video;

/**
 * The one mapping between clip intensities and 8-bit pixels, used by every reader and writer.
 *
 * <p>Writing: {@code v ∈ [0,1] → round(v·255)}, clamped to {@code 0..255} (values outside
 * {@code [0,1]} and NaN saturate; NaN becomes 0). Reading: {@code b → b/255}. A clip whose values
 * are already multiples of {@code 1/255} therefore survives a lossless write and read bit for bit.
 */
public final class Quantisation {
  /** The largest 8-bit level. */
  public static final int MAX_LEVEL = 255;

  private Quantisation() {}

  /** The 8-bit level of intensity {@code v}. */
  public static int toLevel(float v) {
    if (!(v > 0f)) {
      return 0;
    }
    return v >= 1f ? MAX_LEVEL : Math.round(v * MAX_LEVEL);
  }

  /** The intensity of 8-bit level {@code level} ({@code 0..255}). */
  public static float toUnit(int level) {
    return level / (float) MAX_LEVEL;
  }

  /** {@code v} rounded to the nearest representable 8-bit intensity: what a lossless file holds. */
  public static float quantise(float v) {
    return toUnit(toLevel(v));
  }
}
