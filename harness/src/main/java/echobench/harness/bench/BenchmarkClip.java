package echobench.harness.bench;

import echobench.perturb.Clip;
import echobench.perturb.ScanMask;
import java.util.SplittableRandom;

/**
 * The grey input of {@code bench perturb}: a sector scan with realistic statistics, so that
 * data-dependent perturbations (edge-preserving smoothing, clipping) do realistic work. Inside the
 * fan, tissue of mean brightness 0.35 with fully-developed (Rayleigh) speckle, a dark blood pool in
 * the middle, and brightness falling with depth; outside the fan, black.
 */
public final class BenchmarkClip {
  private static final double TISSUE = 0.35;
  private static final double BLOOD = 0.04;

  private BenchmarkClip() {}

  /** A {@code frames×height×width} grey clip at 50 fps inside {@code mask}, from {@code seed}. */
  public static Clip create(int frames, int height, int width, ScanMask mask, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int plane = height * width;
    float[] data = new float[frames * plane];
    double rayleighMean = Math.sqrt(Math.PI / 2);
    for (int t = 0; t < frames; t++) {
      double beat = 1 + 0.15 * Math.sin(2 * Math.PI * t / frames);
      for (int y = 0; y < height; y++) {
        double depthGain = 1 - 0.4 * y / height;
        for (int x = 0; x < width; x++) {
          int p = y * width + x;
          if (!mask.contains(p)) {
            continue;
          }
          double dx = (x - 0.5 * width) / (0.18 * width * beat);
          double dy = (y - 0.5 * height) / (0.28 * height * beat);
          double mean = dx * dx + dy * dy < 1 ? BLOOD : TISSUE * depthGain;
          double speckle = Math.sqrt(-2 * Math.log(1 - random.nextDouble())) / rayleighMean;
          data[t * plane + p] = (float) Math.min(1, mean * speckle);
        }
      }
    }
    return new Clip(data, 1, frames, height, width, 50, "bench-" + height + "x" + width);
  }
}
