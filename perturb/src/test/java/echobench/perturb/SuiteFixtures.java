package echobench.perturb;

import java.util.Arrays;
import java.util.SplittableRandom;

/** Clips, a sector mask and image statistics shared by the ultrasound-suite tests. */
final class SuiteFixtures {
  static final int HEIGHT = 40;
  static final int WIDTH = 48;

  /** A 40° half-angle fan from the top centre, leaving the bottom corners and top sides outside. */
  static final SectorGeometry FAN =
      new SectorGeometry((WIDTH - 1) / 2.0, 0, Math.toRadians(40), HEIGHT - 4);

  private SuiteFixtures() {}

  /** The geometric mask of {@link #FAN} on a {@value #HEIGHT}×{@value #WIDTH} frame. */
  static ScanMask fanMask() {
    return ScanMask.sector(HEIGHT, WIDTH, FAN);
  }

  /** Every pixel {@code v}. */
  static Clip constant(int channels, int frames, float v) {
    float[] d = new float[channels * frames * HEIGHT * WIDTH];
    Arrays.fill(d, v);
    return new Clip(d, channels, frames, HEIGHT, WIDTH, 30, "constant");
  }

  /** Independent uniform values in {@code [0.1, 0.9]} at every voxel: every frame differs. */
  static Clip moving(int channels, int frames, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] d = new float[channels * frames * HEIGHT * WIDTH];
    for (int i = 0; i < d.length; i++) {
      d[i] = (float) (0.1 + 0.8 * r.nextDouble());
    }
    return new Clip(d, channels, frames, HEIGHT, WIDTH, 30, "moving-" + seed);
  }

  /** One uniform {@code [0.1, 0.9]} texture per channel, repeated in every frame. */
  static Clip still(int channels, int frames, long seed) {
    Clip one = moving(channels, 1, seed);
    int plane = HEIGHT * WIDTH;
    float[] d = new float[channels * frames * plane];
    for (int c = 0; c < channels; c++) {
      for (int t = 0; t < frames; t++) {
        System.arraycopy(one.data(), c * plane, d, (c * frames + t) * plane, plane);
      }
    }
    return new Clip(d, channels, frames, HEIGHT, WIDTH, 30, "still-" + seed);
  }

  /** Mean intensity over the masked pixels of every plane. */
  static double meanInside(Clip clip, ScanMask mask) {
    double sum = 0;
    long n = 0;
    for (int off = 0; off < clip.data().length; off += clip.planeSize()) {
      for (int p = 0; p < clip.planeSize(); p++) {
        if (mask.contains(p)) {
          sum += clip.data()[off + p];
          n++;
        }
      }
    }
    return sum / n;
  }

  /** Mean absolute difference over the masked pixels of every plane. */
  static double meanAbsDifference(Clip a, Clip b, ScanMask mask) {
    double sum = 0;
    long n = 0;
    for (int off = 0; off < a.data().length; off += a.planeSize()) {
      for (int p = 0; p < a.planeSize(); p++) {
        if (mask.contains(p)) {
          sum += Math.abs(a.data()[off + p] - b.data()[off + p]);
          n++;
        }
      }
    }
    return sum / n;
  }

  /** The pixels of one channel and frame, {@code H·W}. */
  static float[] plane(Clip clip, int channel, int frame) {
    int off = (channel * clip.frames() + frame) * clip.planeSize();
    return Arrays.copyOfRange(clip.data(), off, off + clip.planeSize());
  }

  /** Flat index of the pixel nearest polar position (depth fraction, angle) in {@link #FAN}. */
  static int pixelAt(double depth, double angle) {
    double r = depth * FAN.radius();
    int x = (int) Math.round(FAN.apexX() + r * Math.sin(angle));
    int y = (int) Math.round(FAN.apexY() + r * Math.cos(angle));
    return y * WIDTH + x;
  }
}
