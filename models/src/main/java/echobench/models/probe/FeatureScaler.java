package echobench.models.probe;

/**
 * Standardises pooled features per dimension with the training split's mean and standard deviation
 * (the input normalisation of the linear probe; a constant dimension is only centred).
 *
 * @param mean per-dimension mean
 * @param std per-dimension standard deviation, positive
 */
public record FeatureScaler(float[] mean, float[] std) {

  public FeatureScaler {
    if (mean.length != std.length || mean.length == 0) {
      throw new IllegalArgumentException("feature scaler needs equal, non-empty mean and std");
    }
    for (float s : std) {
      if (!(s > 0)) {
        throw new IllegalArgumentException("feature scaler std must be positive");
      }
    }
    mean = mean.clone();
    std = std.clone();
  }

  /** Fits the scaler to the pooled features of every sample of {@code train}. */
  public static FeatureScaler fit(FeatureSource train) {
    int dim = train.layout().dim();
    double[] sum = new double[dim];
    double[] squares = new double[dim];
    for (int s = 0; s < train.size(); s++) {
      float[] pooled = train.pooled(s);
      for (int d = 0; d < dim; d++) {
        sum[d] += pooled[d];
        squares[d] += (double) pooled[d] * pooled[d];
      }
    }
    float[] mean = new float[dim];
    float[] std = new float[dim];
    for (int d = 0; d < dim; d++) {
      double m = sum[d] / train.size();
      double variance = Math.max(0, squares[d] / train.size() - m * m);
      mean[d] = (float) m;
      std[d] = variance > 1e-12 ? (float) Math.sqrt(variance) : 1f;
    }
    return new FeatureScaler(mean, std);
  }

  /** A standardised copy of {@code features}. */
  public float[] apply(float[] features) {
    if (features.length != mean.length) {
      throw new IllegalArgumentException(
          features.length + " features for a scaler of " + mean.length);
    }
    float[] out = new float[features.length];
    for (int d = 0; d < out.length; d++) {
      out[d] = (features[d] - mean[d]) / std[d];
    }
    return out;
  }

  @Override
  public float[] mean() {
    return mean.clone();
  }

  @Override
  public float[] std() {
    return std.clone();
  }
}
