package echobench.perturb;

import java.util.Arrays;

/**
 * Separates the moving grey echo of a clip from what a scanner draws over it: colour (ECG traces,
 * colour bars, Doppler boxes), static graphics (text, depth ticks, logos) and thin moving traces.
 *
 * <p>A pixel is <em>tissue</em> when its chroma ({@code max − min} over the channels) never exceeds
 * {@link #CHROMA_LIMIT}, its grey value (channel mean) changes by more than {@link #MOTION_MIN}
 * over the clip, and it is brighter than {@link #DARK} in some frame. The fan's <em>region</em> is
 * the largest 4-connected area in which at least half the pixels of each 9×9 window (smaller on
 * small frames) are tissue, so traces a few pixels wide and isolated specks drop out while dark
 * speckle inside the fan does not.
 */
final class OverlayFilter {
  /** Chroma above which a pixel is an overlay: 24 of 255 levels, far above a grey pixel's ±1. */
  static final float CHROMA_LIMIT = 24f / 255f;
  /** Least change of grey value over the clip for a pixel to count as moving echo. */
  static final float MOTION_MIN = 8f / 255f;
  /** Brightest value of the black surround. */
  static final float DARK = 10f / 255f;
  /** Half-width of the density window on frames of 96 pixels and more. */
  private static final int WINDOW_RADIUS = 4;
  /** Frame size per pixel of window half-width below that. */
  private static final int PIXELS_PER_RADIUS = 24;
  private static final double DENSITY = 0.5;

  private OverlayFilter() {}

  /** The {@code H·W} tissue pixels of {@code clip} (row-major). */
  static boolean[] tissue(Clip clip) {
    int plane = clip.planeSize();
    int frames = clip.frames();
    int channels = clip.channels();
    float[] data = clip.data();
    float[] low = new float[plane];
    float[] high = new float[plane];
    float[] chroma = new float[plane];
    Arrays.fill(low, Float.MAX_VALUE);
    Arrays.fill(high, -Float.MAX_VALUE);
    for (int t = 0; t < frames; t++) {
      int first = t * plane;
      int stride = frames * plane;
      for (int p = 0; p < plane; p++) {
        float grey;
        if (channels == 1) {
          grey = data[first + p];
        } else {
          float r = data[first + p];
          float g = data[first + stride + p];
          float b = data[first + 2 * stride + p];
          grey = (r + g + b) / 3;
          float spread = Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b));
          if (spread > chroma[p]) {
            chroma[p] = spread;
          }
        }
        if (grey < low[p]) {
          low[p] = grey;
        }
        if (grey > high[p]) {
          high[p] = grey;
        }
      }
    }
    boolean[] tissue = new boolean[plane];
    for (int p = 0; p < plane; p++) {
      tissue[p] = chroma[p] <= CHROMA_LIMIT && high[p] - low[p] > MOTION_MIN && high[p] > DARK;
    }
    return tissue;
  }

  /**
   * Half-width of the density window: 4 pixels (a 9×9 window), less on frames smaller than 96
   * pixels so that a small fan is not swamped by its surround (1 on a 32×32 frame).
   */
  static int windowRadius(int height, int width) {
    return Math.max(1, Math.min(WINDOW_RADIUS, Math.min(height, width) / PIXELS_PER_RADIUS));
  }

  /**
   * The largest 4-connected area whose 9×9 windows (clipped at the frame border) are at least half
   * tissue; {@code H·W} row-major, all {@code false} if no pixel qualifies.
   */
  static boolean[] fanRegion(boolean[] tissue, int height, int width) {
    int[] integral = new int[(height + 1) * (width + 1)];
    int stride = width + 1;
    for (int y = 0; y < height; y++) {
      int rowSum = 0;
      for (int x = 0; x < width; x++) {
        rowSum += tissue[y * width + x] ? 1 : 0;
        integral[(y + 1) * stride + x + 1] = integral[y * stride + x + 1] + rowSum;
      }
    }
    boolean[] dense = new boolean[height * width];
    int r = windowRadius(height, width);
    for (int y = 0; y < height; y++) {
      int y0 = Math.max(0, y - r);
      int y1 = Math.min(height, y + r + 1);
      for (int x = 0; x < width; x++) {
        int x0 = Math.max(0, x - r);
        int x1 = Math.min(width, x + r + 1);
        int count = integral[y1 * stride + x1] - integral[y0 * stride + x1]
            - integral[y1 * stride + x0] + integral[y0 * stride + x0];
        dense[y * width + x] = count >= DENSITY * (y1 - y0) * (x1 - x0);
      }
    }
    return PixelRegions.largestComponent(dense, width);
  }
}
