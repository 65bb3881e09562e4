package echobench.harness.study;

/**
 * Separable image resizing with a triangle (linear) kernel widened by the scale factor when
 * shrinking, so downsampling averages instead of aliasing (the behaviour of antialiased bilinear
 * resizing in common imaging libraries).
 */
final class Resampler {
  private final int inSize;
  private final int outSize;
  private final int[] first;
  private final float[][] weights;

  /** Precomputes the taps mapping {@code inSize} samples onto {@code outSize}. */
  Resampler(int inSize, int outSize) {
    this.inSize = inSize;
    this.outSize = outSize;
    this.first = new int[outSize];
    this.weights = new float[outSize][];
    double scale = inSize / (double) outSize;
    double support = Math.max(1.0, scale);
    for (int o = 0; o < outSize; o++) {
      double centre = (o + 0.5) * scale - 0.5;
      int lo = (int) Math.floor(centre - support) + 1;
      int hi = (int) Math.ceil(centre + support) - 1;
      lo = Math.max(lo, 0);
      hi = Math.min(hi, inSize - 1);
      float[] w = new float[hi - lo + 1];
      double sum = 0;
      for (int i = lo; i <= hi; i++) {
        double v = Math.max(0, 1 - Math.abs(i - centre) / support);
        w[i - lo] = (float) v;
        sum += v;
      }
      if (sum == 0) {
        int nearest = (int) Math.max(0, Math.min(inSize - 1, Math.round(centre)));
        lo = nearest;
        w = new float[] {1f};
        sum = 1;
      }
      for (int k = 0; k < w.length; k++) {
        w[k] /= (float) sum;
      }
      first[o] = lo;
      weights[o] = w;
    }
  }

  int inSize() {
    return inSize;
  }

  int outSize() {
    return outSize;
  }

  /** Resamples {@code count} values read from {@code src[srcOff + i·srcStride]}. */
  void apply(float[] src, int srcOff, int srcStride, float[] dst, int dstOff, int dstStride) {
    for (int o = 0; o < outSize; o++) {
      float[] w = weights[o];
      int base = srcOff + first[o] * srcStride;
      float acc = 0;
      for (int k = 0; k < w.length; k++) {
        acc += w[k] * src[base + k * srcStride];
      }
      dst[dstOff + o * dstStride] = acc;
    }
  }
}
