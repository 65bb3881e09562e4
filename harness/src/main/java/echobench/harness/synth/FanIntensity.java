package echobench.harness.synth;

import echobench.harness.video.FrameWindow;
import echobench.harness.video.VideoReader;
import echobench.perturb.Clip;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * In-fan intensity statistics of a set of clips, measured as for public EchoNet-Dynamic clips so
 * that synthetic and real appearance can be compared: per clip, the fan
 * is every pixel whose temporal maximum of the channel mean exceeds {@value #FAN_LEVEL}/255; over
 * the fan pixels of every frame of every clip, in 8-bit levels (0–255), the mean, the median and
 * the 90th percentile (the smallest level with at least half, or 90 %, of the pixels at or below
 * it) and the share darker than {@value #DARK_LEVEL}/255.
 *
 * @param pixels fan pixels counted, over all frames and clips
 * @param mean mean level
 * @param median median level
 * @param p90 90th-percentile level
 * @param darkFraction share of fan pixels below {@value #DARK_LEVEL}
 */
public record FanIntensity(long pixels, double mean, int median, int p90, double darkFraction) {
  /** A pixel whose temporal maximum exceeds this level (of 255) belongs to the fan. */
  public static final int FAN_LEVEL = 10;
  /** A fan pixel below this level (of 255) is dark (blood pool, dark tissue). */
  public static final int DARK_LEVEL = 25;
  /** Frames measured from the start of each video, as on the EchoNet-Dynamic sample clips. */
  public static final int FRAMES = 32;

  /**
   * The statistics of the first {@value #FRAMES} frames of {@code videos}, read back as written
   * (8-bit levels), one at a time.
   *
   * @throws IllegalArgumentException when no video has a fan pixel
   */
  public static FanIntensity ofVideos(List<Path> videos) {
    FrameWindow window = new FrameWindow(0, FRAMES, 1);
    return of(() -> videos.stream().map(v -> VideoReader.read(v, window)).iterator());
  }

  /**
   * The statistics of {@code clips} (values in {@code [0,1]}).
   *
   * @throws IllegalArgumentException when no clip has a fan pixel
   */
  public static FanIntensity of(Iterable<Clip> clips) {
    long[] histogram = new long[256];
    for (Clip clip : clips) {
      add(clip, histogram);
    }
    long n = 0;
    double sum = 0;
    for (int level = 0; level < 256; level++) {
      n += histogram[level];
      sum += (double) level * histogram[level];
    }
    if (n == 0) {
      throw new IllegalArgumentException("no pixel of these clips lies in a fan");
    }
    long dark = 0;
    for (int level = 0; level < DARK_LEVEL; level++) {
      dark += histogram[level];
    }
    return new FanIntensity(n, sum / n, quantile(histogram, n, 0.5), quantile(histogram, n, 0.9),
        (double) dark / n);
  }

  /** {@code pixels, mean, median, p90, dark} on one line, for the terminal. */
  public String line() {
    return String.format(Locale.ROOT, "in-fan intensity over %d pixels: mean %.1f, median %d,"
        + " 90th percentile %d, darker than %d/255: %.1f %%", pixels, mean, median, p90,
        DARK_LEVEL, 100 * darkFraction);
  }

  private static void add(Clip clip, long[] histogram) {
    int plane = clip.planeSize();
    int channels = clip.channels();
    int[][] levels = new int[clip.frames()][plane];
    int[] max = new int[plane];
    for (int t = 0; t < clip.frames(); t++) {
      for (int p = 0; p < plane; p++) {
        float sum = 0;
        for (int c = 0; c < channels; c++) {
          sum += clip.data()[(c * clip.frames() + t) * plane + p];
        }
        int level = Math.min(255, Math.max(0, Math.round(255 * sum / channels)));
        levels[t][p] = level;
        max[p] = Math.max(max[p], level);
      }
    }
    for (int t = 0; t < clip.frames(); t++) {
      for (int p = 0; p < plane; p++) {
        if (max[p] > FAN_LEVEL) {
          histogram[levels[t][p]]++;
        }
      }
    }
  }

  private static int quantile(long[] histogram, long n, double q) {
    long seen = 0;
    for (int level = 0; level < 256; level++) {
      seen += histogram[level];
      if (seen >= q * n) {
        return level;
      }
    }
    return 255;
  }
}
