package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.models.probe.FeatureStore;

/**
 * How the frozen training and validation features are kept on disk ({@link FeatureStore}): as
 * {@code float16} (the default, half the disk) or {@code float32} (exactly the encoder's values).
 *
 * @param dtype {@code float16} or {@code float32}
 */
public record FeatureStoreConfig(@JsonProperty("dtype") String dtype) {

  /** Fills the default and checks the dtype. */
  public FeatureStoreConfig {
    dtype = dtype == null ? FeatureStore.Dtype.FLOAT16.toString() : dtype;
    try {
      FeatureStore.Dtype.parse(dtype);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("feature_store: " + e.getMessage(), e);
    }
  }

  /** The defaults. */
  public static FeatureStoreConfig defaults() {
    return new FeatureStoreConfig(null);
  }

  /** The dtype as the store names it. */
  FeatureStore.Dtype storeDtype() {
    return FeatureStore.Dtype.parse(dtype);
  }
}
