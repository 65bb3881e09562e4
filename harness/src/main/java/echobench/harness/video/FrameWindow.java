package echobench.harness.video;

/**
 * Which frames of a video to decode: {@code count} frames, {@code step} apart, from frame
 * {@code start} (0-based). The study samples 16 frames at step 2.
 *
 * @param start index of the first frame kept
 * @param count how many frames to keep at most
 * @param step distance between kept frames, at least 1
 */
public record FrameWindow(int start, int count, int step) {

  /** Every frame of the video. */
  public static final FrameWindow ALL = new FrameWindow(0, Integer.MAX_VALUE, 1);

  public FrameWindow {
    if (start < 0 || count < 1 || step < 1) {
      throw new IllegalArgumentException(
          "frame window needs start ≥ 0, count ≥ 1, step ≥ 1, not start=" + start + " count="
              + count + " step=" + step);
    }
  }

  /** Whether frame {@code index} of the video is kept. */
  public boolean keeps(long index) {
    long offset = index - start;
    return offset >= 0 && offset % step == 0 && offset / step < count;
  }

  /** Index of the last frame this window would keep in a long enough video. */
  public long lastIndex() {
    return start + (long) (count - 1) * step;
  }
}
