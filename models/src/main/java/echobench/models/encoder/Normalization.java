package echobench.models.encoder;

import java.util.Arrays;
import java.util.Locale;

/**
 * A pixel-normalisation convention of a pretrained encoder: {@code [0,1]} pixels are multiplied by
 * {@code pixelScale}, then each RGB channel has {@code mean} subtracted and is divided by {@code
 * std}. Named conventions: {@code imagenet} (V-JEPA, EchoJEPA, PanEcho, VideoMAE), {@code echoprime}
 * (statistics in 0–255 units) and {@code none} (for exported models that normalise inside).
 *
 * @param name the convention's name
 * @param pixelScale factor applied to {@code [0,1]} values first
 * @param mean per-channel mean, RGB
 * @param std per-channel standard deviation, RGB
 */
public record Normalization(String name, float pixelScale, float[] mean, float[] std) {

  /** ImageNet statistics on {@code [0,1]} pixels. */
  public static final Normalization IMAGENET =
      new Normalization(
          "imagenet", 1f, new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

  /** EchoPrime's statistics, in 0–255 pixel units. */
  public static final Normalization ECHOPRIME =
      new Normalization(
          "echoprime",
          255f,
          new float[] {29.110628f, 28.076836f, 29.096405f},
          new float[] {47.989223f, 46.456997f, 47.20083f});

  /** Pixels passed through unchanged in {@code [0,1]}. */
  public static final Normalization NONE =
      new Normalization("none", 1f, new float[] {0, 0, 0}, new float[] {1, 1, 1});

  public Normalization {
    if (mean.length != 3 || std.length != 3 || !(pixelScale > 0)) {
      throw new IllegalArgumentException(
          "normalisation needs 3 means, 3 stds and a positive pixel scale");
    }
    mean = mean.clone();
    std = std.clone();
  }

  /**
   * The named convention: {@code imagenet}, {@code panecho} (ImageNet statistics), {@code
   * echoprime} or {@code none}.
   *
   * @throws IllegalArgumentException for another name, listing the known ones
   */
  public static Normalization named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "imagenet", "panecho" -> IMAGENET;
      case "echoprime" -> ECHOPRIME;
      case "none" -> NONE;
      default ->
          throw new IllegalArgumentException(
              "unknown normalisation '" + name + "' (use imagenet, panecho, echoprime or none)");
    };
  }

  /** The input spec of an encoder taking clips of this size normalised by this convention. */
  public InputSpec spec(int frames, int height, int width) {
    return new InputSpec(frames, height, width, pixelScale, mean, std);
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Normalization n
        && name.equals(n.name)
        && pixelScale == n.pixelScale
        && Arrays.equals(mean, n.mean)
        && Arrays.equals(std, n.std);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * name.hashCode() + Arrays.hashCode(mean)) + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return name + "(scale " + pixelScale + ", mean " + Arrays.toString(mean) + ", std "
        + Arrays.toString(std) + ")";
  }
}
