package echobench.harness.video;

import echobench.perturb.Clip;
import java.util.SplittableRandom;

/** Small clips for the video tests, with values on the 8-bit grid so lossless files are exact. */
final class TestClips {
  private TestClips() {}

  /** Random 8-bit levels: the hardest content for a codec, exact through a lossless one. */
  static Clip noise(int channels, int frames, int height, int width, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] data = new float[channels * frames * height * width];
    for (int i = 0; i < data.length; i++) {
      data[i] = Quantisation.toUnit(random.nextInt(256));
    }
    return new Clip(data, channels, frames, height, width, 25, "noise");
  }

  /** A smooth moving grey gradient: what a lossy codec reproduces closely. */
  static Clip gradient(int frames, int height, int width) {
    float[] data = new float[frames * height * width];
    for (int t = 0; t < frames; t++) {
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          double v = 0.5 + 0.4 * Math.sin((x + 2.0 * t) / width * Math.PI) * y / height;
          data[(t * height + y) * width + x] = Quantisation.quantise((float) v);
        }
      }
    }
    return new Clip(data, 1, frames, height, width, 25, "gradient");
  }

  /** Mean absolute difference of two clips of the same shape. */
  static double meanAbsoluteDifference(Clip a, Clip b) {
    double sum = 0;
    for (int i = 0; i < a.data().length; i++) {
      sum += Math.abs(a.data()[i] - b.data()[i]);
    }
    return sum / a.data().length;
  }
}
