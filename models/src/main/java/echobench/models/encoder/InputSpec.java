package echobench.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.List;

/**
 * What an encoder expects as input: frames, height and width of a clip, and how pixel values in
 * {@code [0, 1]} are normalised per RGB channel: {@code x' = (x·pixelScale − mean[c]) / std[c]}.
 *
 * <p>The ImageNet statistics with {@code pixelScale = 1} are V-JEPA's and EchoJEPA's; an encoder with
 * statistics in 0–255 units (EchoPrime) uses {@code pixelScale = 255}.
 *
 * @param frames frames per clip
 * @param height rows per frame
 * @param width columns per frame
 * @param pixelScale factor applied to {@code [0,1]} values before the statistics
 * @param mean per-channel mean (3 values, RGB)
 * @param std per-channel standard deviation (3 values, RGB)
 */
public record InputSpec(
    int frames, int height, int width, float pixelScale, float[] mean, float[] std) {
  private static final float[] IMAGENET_MEAN = {0.485f, 0.456f, 0.406f};
  private static final float[] IMAGENET_STD = {0.229f, 0.224f, 0.225f};

  /** Validates the spec and copies the statistics. */
  public InputSpec {
    if (frames <= 0 || height <= 0 || width <= 0 || !(pixelScale > 0)) {
      throw new IllegalArgumentException("frames, height, width and pixel scale must be positive");
    }
    if (mean.length != 3 || std.length != 3) {
      throw new IllegalArgumentException("mean and std need one value per RGB channel");
    }
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("std must be positive: " + Arrays.toString(std));
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** A spec with ImageNet statistics on {@code [0,1]} pixels (V-JEPA, EchoJEPA, the built-in ViT). */
  public static InputSpec imagenet(int frames, int height, int width) {
    return new InputSpec(frames, height, width, 1f, IMAGENET_MEAN, IMAGENET_STD);
  }

  /** The per-channel mean (a copy). */
  @Override
  public float[] mean() {
    return mean.clone();
  }

  /** The per-channel standard deviation (a copy). */
  @Override
  public float[] std() {
    return std.clone();
  }

  /** The number of values in one clip as the encoder takes it: {@code 3·frames·height·width}. */
  public int clipLength() {
    return 3 * frames * height * width;
  }

  /**
   * Builds a normalised batch {@code [B, 3, frames, height, width]} from clips in {@code [0,1]} laid
   * out {@code C×T×H×W} at this spec's size; grey clips ({@code channels = 1}) are replicated to RGB.
   */
  public NDArray toBatch(NDManager manager, List<float[]> clips, int channels) {
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("clips must have 1 or 3 channels, not " + channels);
    }
    int plane = frames * height * width;
    float[] batch = new float[clips.size() * 3 * plane];
    for (int b = 0; b < clips.size(); b++) {
      float[] clip = clips.get(b);
      if (clip.length != channels * plane) {
        throw new IllegalArgumentException(
            "clip " + b + " has " + clip.length + " values, expected " + channels * plane);
      }
      for (int c = 0; c < 3; c++) {
        int src = channels == 1 ? 0 : c * plane;
        int dst = (b * 3 + c) * plane;
        float scale = pixelScale / std[c];
        float shift = mean[c] / std[c];
        for (int i = 0; i < plane; i++) {
          batch[dst + i] = clip[src + i] * scale - shift;
        }
      }
    }
    return manager.create(batch, new Shape(clips.size(), 3, frames, height, width));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof InputSpec s
        && frames == s.frames
        && height == s.height
        && width == s.width
        && pixelScale == s.pixelScale
        && Arrays.equals(mean, s.mean)
        && Arrays.equals(std, s.std);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * java.util.Objects.hash(frames, height, width, pixelScale) + Arrays.hashCode(mean))
        + Arrays.hashCode(std);
  }

  @Override
  public String toString() {
    return "InputSpec[" + frames + "×" + height + "×" + width + ", scale " + pixelScale + ", mean "
        + Arrays.toString(mean) + ", std " + Arrays.toString(std) + "]";
  }
}
