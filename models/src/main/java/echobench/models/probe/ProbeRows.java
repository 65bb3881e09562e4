package echobench.models.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The rows a probe head reads: each row is a {@code [length, dim]} token matrix belonging to one
 * sample. A single-view set gives one row per clip (the sample's prediction is the mean over its
 * clips); a multi-view set gives one row per sample holding every view and clip, with the views
 * present per row; a pooled set gives one single-token row per sample.
 *
 * <p>Token rows are read from their {@link FeatureSource} only when a mini-batch is built, into
 * one native array, so a batch is all that is held whether the source is in the heap or on disk.
 * Pooled rows ({@code dim} floats per sample) are computed once and kept.
 */
final class ProbeRows {
  private final FeatureSource features;
  /** For pooled rows, the standardised pooled features per sample; null for token rows. */
  private final float[][] pooled;
  private final int[] offsets;
  private final int[] samples;
  private final int length;
  private final int dim;
  private final boolean multiView;

  private ProbeRows(
      FeatureSource features,
      float[][] pooled,
      int[] offsets,
      int[] samples,
      int length,
      int dim,
      boolean multiView) {
    this.features = features;
    this.pooled = pooled;
    this.offsets = offsets;
    this.samples = samples;
    this.length = length;
    this.dim = dim;
    this.multiView = multiView;
  }

  /** Token rows: one per clip of a single-view set, one per sample of a multi-view set. */
  static ProbeRows tokens(FeatureSource features) {
    FeatureLayout layout = features.layout();
    boolean multiView = layout.views() > 1;
    int perSample = multiView ? 1 : layout.clips();
    int count = features.size() * perSample;
    int[] offsets = new int[count];
    int[] samples = new int[count];
    for (int s = 0; s < features.size(); s++) {
      for (int c = 0; c < perSample; c++) {
        int row = s * perSample + c;
        offsets[row] = multiView ? 0 : layout.offset(0, c);
        samples[row] = s;
      }
    }
    int length = multiView ? layout.views() * layout.clips() * layout.tokens() : layout.tokens();
    return new ProbeRows(features, null, offsets, samples, length, layout.dim(), multiView);
  }

  /** One single-token row per sample: its pooled features, standardised by {@code scaler}. */
  static ProbeRows pooled(FeatureSource features, FeatureScaler scaler) {
    int count = features.size();
    float[][] pooled = new float[count][];
    int[] samples = new int[count];
    for (int s = 0; s < count; s++) {
      pooled[s] = scaler.apply(features.pooled(s));
      samples[s] = s;
    }
    return new ProbeRows(
        features, pooled, new int[count], samples, 1, features.layout().dim(), false);
  }

  FeatureSource features() {
    return features;
  }

  int size() {
    return samples.length;
  }

  /** The index of the sample row {@code row} belongs to. */
  int sampleOf(int row) {
    return samples[row];
  }

  /** Whether rows hold several views (and so need a key-padding mask). */
  boolean multiView() {
    return multiView;
  }

  /** The label of row {@code row}'s sample. */
  float label(int row) {
    return features.label(samples[row]);
  }

  /** The views present in row {@code row}'s sample (a copy). */
  boolean[] presentViews(int row) {
    return features.viewPresent(samples[row]);
  }

  /** Copies {@code rows} into a new {@code [B, length, dim]} array of {@code manager}. */
  NDArray batch(NDManager manager, int[] rows) {
    int rowFloats = length * dim;
    float[] values = new float[rows.length * rowFloats];
    for (int b = 0; b < rows.length; b++) {
      int row = rows[b];
      if (pooled != null) {
        System.arraycopy(pooled[row], 0, values, b * rowFloats, rowFloats);
      } else {
        features.read(samples[row], offsets[row], values, b * rowFloats, rowFloats);
      }
    }
    return manager.create(values, new Shape(rows.length, length, dim));
  }
}
