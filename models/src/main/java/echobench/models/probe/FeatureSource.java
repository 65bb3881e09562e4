package echobench.models.probe;

/**
 * The frozen-encoder features of one split as the probes read them: per sample an id, a label, the
 * views present and a token block laid out by {@link #layout()}. {@link FeatureSet} holds them in
 * the heap; {@link FeatureStore} streams them from a file, so a probe's memory does not grow with
 * the number of samples.
 */
public interface FeatureSource {

  /** The shape of every sample's tokens. */
  FeatureLayout layout();

  /** What the labels are. */
  ProbeTask task();

  /** The number of samples. */
  int size();

  /** The id of sample {@code index}. */
  String id(int index);

  /** The label of sample {@code index}. */
  float label(int index);

  /** Which views sample {@code index} has (a copy). */
  boolean[] viewPresent(int index);

  /**
   * Copies {@code count} floats of sample {@code index}'s tokens, starting at float {@code offset}
   * of its {@link FeatureLayout} block, into {@code into} at {@code at}.
   */
  void read(int index, int offset, float[] into, int at, int count);

  /** The labels in sample order. */
  default float[] labels() {
    float[] labels = new float[size()];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = label(i);
    }
    return labels;
  }

  /** The mean of every token of every clip of the present views of sample {@code index}. */
  default float[] pooled(int index) {
    FeatureLayout layout = layout();
    int dim = layout.dim();
    double[] sum = new double[dim];
    float[] block = new float[layout.clipFloats()];
    boolean[] present = viewPresent(index);
    int views = 0;
    for (int view = 0; view < layout.views(); view++) {
      if (!present[view]) {
        continue;
      }
      views++;
      for (int clip = 0; clip < layout.clips(); clip++) {
        read(index, layout.offset(view, clip), block, 0, block.length);
        for (int t = 0; t < layout.tokens(); t++) {
          int row = t * dim;
          for (int d = 0; d < dim; d++) {
            sum[d] += block[row + d];
          }
        }
      }
    }
    double count = (double) views * layout.clips() * layout.tokens();
    float[] mean = new float[dim];
    for (int d = 0; d < dim; d++) {
      mean[d] = (float) (sum[d] / count);
    }
    return mean;
  }
}
