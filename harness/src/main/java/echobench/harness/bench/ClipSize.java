package echobench.harness.bench;

import java.util.List;

/**
 * A grey clip shape the benchmark runs on.
 *
 * @param frames T
 * @param height H
 * @param width W
 */
public record ClipSize(int frames, int height, int width) {

  /** The two sizes of {@code bench perturb}: the study's 16 frames at 112² and at 224². */
  public static final List<ClipSize> STANDARD =
      List.of(new ClipSize(16, 112, 112), new ClipSize(16, 224, 224));

  /** Values per clip. */
  public long voxels() {
    return (long) frames * height * width;
  }

  /** {@code 16x112x112}: the form used in tables and JSON. */
  @Override
  public String toString() {
    return frames + "x" + height + "x" + width;
  }
}
