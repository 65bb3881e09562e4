package echobench.perturb;

import echobench.reports.io.InputException;
import java.util.Arrays;

/**
 * The diagnostic sector of an ultrasound frame: {@code H×W} booleans, {@code true} inside the fan.
 *
 * <p>Pixels outside the mask (text, ECG trace, black border) are never changed by a multiplicative
 * perturbation. Build one {@link #automatic automatically} from the clip, {@link #sector
 * geometrically} from the fan, or {@link #full} for EchoJEPA's whole-frame protocol.
 */
public final class ScanMask {
  private final boolean[] inside;
  private final int height;
  private final int width;
  private final SectorGeometry geometry;
  /** The pixels outside, as runs of flat indices: start, end (exclusive), start, end, … */
  private final int[] outsideRuns;

  private ScanMask(boolean[] inside, int height, int width, SectorGeometry geometry) {
    this.inside = inside;
    this.height = height;
    this.width = width;
    this.geometry = geometry;
    this.outsideRuns = outsideRuns(inside);
  }

  private static int[] outsideRuns(boolean[] inside) {
    int[] runs = new int[8];
    int n = 0;
    for (int p = 0; p < inside.length; ) {
      if (inside[p]) {
        p++;
        continue;
      }
      int start = p;
      while (p < inside.length && !inside[p]) {
        p++;
      }
      if (n + 2 > runs.length) {
        runs = Arrays.copyOf(runs, runs.length * 2);
      }
      runs[n++] = start;
      runs[n++] = p;
    }
    return Arrays.copyOf(runs, n);
  }

  /** Every pixel is inside: the mask EchoJEPA's published robustness study used. */
  public static ScanMask full(int height, int width) {
    boolean[] all = new boolean[height * width];
    Arrays.fill(all, true);
    return new ScanMask(all, height, width, SectorGeometry.fit(all, height, width));
  }

  /**
   * The geometric fan of {@code sector}: pixels whose beam angle {@code atan2(dx, dy)} lies between
   * the edge angles and whose distance from the apex lies between the near and far radius.
   */
  public static ScanMask sector(int height, int width, SectorGeometry sector) {
    boolean[] in = new boolean[height * width];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        in[y * width + x] = sector.contains(x, y);
      }
    }
    return new ScanMask(in, height, width, sector);
  }

  /**
   * The fan of {@code clip} as {@link FanDetector} fits it: overlays excluded, a sector geometry
   * fitted to the moving grey echo and rasterised.
   *
   * @throws InputException if the clip shows no plausible fan
   */
  public static ScanMask automatic(Clip clip) {
    return sector(clip.height(), clip.width(), FanDetector.fit(clip));
  }

  /** Wraps explicit mask values ({@code H·W}, row-major; copied). */
  public static ScanMask of(boolean[] inside, int height, int width) {
    if (inside.length != height * width) {
      throw new IllegalArgumentException(
          "mask has " + inside.length + " values, " + height + "×" + width + " needs "
              + height * width);
    }
    boolean[] copy = inside.clone();
    return new ScanMask(copy, height, width, SectorGeometry.fit(copy, height, width));
  }

  public int height() {
    return height;
  }

  public int width() {
    return width;
  }

  /** The fan this mask covers: the one it was built from, or one fitted to its pixels. */
  public SectorGeometry geometry() {
    return geometry;
  }

  /** Whether pixel column {@code x}, row {@code y} is inside the sector. */
  public boolean contains(int x, int y) {
    return inside[y * width + x];
  }

  /** Whether flat pixel index {@code p = y·W + x} is inside the sector. */
  public boolean contains(int p) {
    return inside[p];
  }

  /**
   * Sets every pixel outside the mask in the {@code H·W} plane {@code values} to {@code value}, one
   * {@link Arrays#fill} per run of outside pixels (a fan has two short runs per row).
   */
  public void fillOutside(float[] values, float value) {
    if (values.length != inside.length) {
      throw new IllegalArgumentException(
          "plane has " + values.length + " values; the mask has " + inside.length);
    }
    for (int r = 0; r < outsideRuns.length; r += 2) {
      Arrays.fill(values, outsideRuns[r], outsideRuns[r + 1], value);
    }
  }

  /** Number of pixels inside. */
  public int count() {
    int n = 0;
    for (boolean b : inside) {
      if (b) {
        n++;
      }
    }
    return n;
  }

  /** Checks that this mask fits frames of {@code clip}. */
  public void requireMatches(Clip clip) {
    if (clip.height() != height || clip.width() != width) {
      throw new IllegalArgumentException(
          "scan mask is " + height + "×" + width + " but the clip is " + clip.height() + "×"
              + clip.width());
    }
  }
}
