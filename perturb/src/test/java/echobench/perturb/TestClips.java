package echobench.perturb;

import java.util.SplittableRandom;

/** Small deterministic clips for perturbation tests. */
final class TestClips {
  private TestClips() {}

  /** A clip whose every pixel has value {@code v}. */
  static Clip constant(int c, int t, int h, int w, float v) {
    float[] d = new float[c * t * h * w];
    java.util.Arrays.fill(d, v);
    return new Clip(d, c, t, h, w, 30, "constant");
  }

  /** Uniform random texture in [0.2, 0.9], the same in every frame. */
  static Clip staticTexture(int c, int t, int h, int w, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    float[] frame = new float[c * h * w];
    for (int i = 0; i < frame.length; i++) {
      frame[i] = (float) (0.2 + 0.7 * r.nextDouble());
    }
    float[] d = new float[c * t * h * w];
    int plane = h * w;
    for (int ch = 0; ch < c; ch++) {
      for (int f = 0; f < t; f++) {
        System.arraycopy(frame, ch * plane, d, (ch * t + f) * plane, plane);
      }
    }
    return new Clip(d, c, t, h, w, 30, "texture-" + seed);
  }
}
