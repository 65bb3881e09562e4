package echobench.models.pretrain;

/** The layout of every clip of a {@link ClipSource}: {@code channels×frames×height×width}. */
public record ClipShape(int channels, int frames, int height, int width) {
  /** Validates the shape. */
  public ClipShape {
    if ((channels != 1 && channels != 3) || frames <= 0 || height <= 0 || width <= 0) {
      throw new IllegalArgumentException(
          "clips need 1 or 3 channels and positive sizes: " + channels + "×" + frames + "×" + height + "×" + width);
    }
  }

  /** Values per clip. */
  public int length() {
    return channels * frames * height * width;
  }
}
