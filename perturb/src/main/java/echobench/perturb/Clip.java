package echobench.perturb;

import java.util.Objects;

/**
 * A decoded video clip: intensities in {@code [0,1]} laid out row-major as {@code C×T×H×W}.
 *
 * <p>Immutable by convention: nothing may write into {@link #data()}; a perturbation returns a new
 * clip. {@code C} is 1 for grey and 3 for RGB. Row 0 is the transducer side of the image.
 */
public final class Clip {
  private final float[] data;
  private final int channels;
  private final int frames;
  private final int height;
  private final int width;
  private final double fps;
  private final String sourceId;

  /**
   * Wraps {@code data} (not copied) as a clip of the given shape.
   *
   * @throws IllegalArgumentException if the shape is not positive or does not match the array
   */
  public Clip(
      float[] data, int channels, int frames, int height, int width, double fps, String sourceId) {
    Objects.requireNonNull(data, "data");
    if (channels != 1 && channels != 3) {
      throw new IllegalArgumentException("a clip has 1 or 3 channels, not " + channels);
    }
    if (frames < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "clip shape must be positive: T=" + frames + " H=" + height + " W=" + width);
    }
    long expected = (long) channels * frames * height * width;
    if (data.length != expected) {
      throw new IllegalArgumentException(
          "clip data has " + data.length + " values, shape C×T×H×W needs " + expected);
    }
    if (!(fps > 0)) {
      throw new IllegalArgumentException("fps must be positive, not " + fps);
    }
    this.data = data;
    this.channels = channels;
    this.frames = frames;
    this.height = height;
    this.width = width;
    this.fps = fps;
    this.sourceId = Objects.requireNonNull(sourceId, "sourceId");
  }

  /** The backing array, {@code C×T×H×W} row-major. Read it; never write into it. */
  public float[] data() {
    return data;
  }

  public int channels() {
    return channels;
  }

  public int frames() {
    return frames;
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  public double fps() {
    return fps;
  }

  /** Where the clip came from (a video id or file name); used to derive perturbation seeds. */
  public String sourceId() {
    return sourceId;
  }

  /** Pixels in one frame of one channel, {@code H·W}. */
  public int planeSize() {
    return height * width;
  }

  /** Number of planes ({@code C·T}); plane {@code c·T + t} starts at {@code (c·T + t)·H·W}. */
  public int planes() {
    return channels * frames;
  }

  /** Total number of values, {@code C·T·H·W}. */
  public long voxels() {
    return data.length;
  }

  /** Index of {@code (c, t, y, x)} in {@link #data()}. */
  public int index(int c, int t, int y, int x) {
    return ((c * frames + t) * height + y) * width + x;
  }

  /** The intensity at channel {@code c}, frame {@code t}, row {@code y}, column {@code x}. */
  public float get(int c, int t, int y, int x) {
    return data[index(c, t, y, x)];
  }

  /**
   * Checks that {@code destination} can receive a perturbed copy of this clip: a separate array of
   * the same length ({@link Perturbation#applyInto}).
   *
   * @throws IllegalArgumentException otherwise
   */
  void requireOutputBuffer(float[] destination) {
    if (destination == data) {
      throw new IllegalArgumentException("the destination is the input clip's own array");
    }
    if (destination.length != data.length) {
      throw new IllegalArgumentException(
          "destination holds " + destination.length + " values; the clip has " + data.length);
    }
  }

  /** A clip of the same shape, fps and source with other pixel values. */
  public Clip withData(float[] newData) {
    return new Clip(newData, channels, frames, height, width, fps, sourceId);
  }

  /** A clip of the same channels, size, fps and source with {@code newFrames} frames. */
  public Clip withFrames(float[] newData, int newFrames) {
    return new Clip(newData, channels, newFrames, height, width, fps, sourceId);
  }

  @Override
  public String toString() {
    return "Clip[" + sourceId + " " + channels + "×" + frames + "×" + height + "×" + width + " @"
        + fps + " fps]";
  }
}
