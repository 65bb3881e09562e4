package echobench.harness.synth;

import echobench.harness.video.VideoReader;

/**
 * The documented bounds on a simulated cohort, checked before anything is simulated (by {@code
 * synth} and by a study's synthetic datasets): frame side {@value #MIN_SIZE}..{@value #MAX_SIZE}
 * pixels, 1..{@value #MAX_FRAMES} frames, 1..{@value #MAX_COUNT} subjects, and no video larger than
 * the reader accepts back ({@link VideoReader#MAX_CLIP_PIXELS} pixels over all its frames).
 */
public final class CohortLimits {
  /** Smallest frame side, in pixels: below it the heart's anatomy is not resolved. */
  public static final int MIN_SIZE = 32;
  /** Largest frame side, in pixels. */
  public static final int MAX_SIZE = 1024;
  /** Most frames per video. */
  public static final int MAX_FRAMES = 1024;
  /** Most subjects in a cohort (EchoNet-Dynamic holds 10,030 videos). */
  public static final int MAX_COUNT = 100_000;

  private CohortLimits() {}

  /**
   * Checks a cohort's settings against the bounds.
   *
   * @throws IllegalArgumentException naming the first setting out of bounds ({@code count},
   *     {@code size} or {@code frames}) and its value
   */
  public static void check(long count, long size, long frames) {
    within("count", count, 1, MAX_COUNT);
    within("size", size, MIN_SIZE, MAX_SIZE);
    within("frames", frames, 1, MAX_FRAMES);
    if (frames * size * size > VideoReader.MAX_CLIP_PIXELS) {
      throw new IllegalArgumentException("frames × size² must be at most "
          + VideoReader.MAX_CLIP_PIXELS + " pixels per video, not " + frames + " × " + size + "²");
    }
  }

  private static void within(String key, long value, long min, long max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(key + " must be " + min + ".." + max + ", not " + value);
    }
  }
}
