package echobench.models.probe;

import java.util.Objects;

/**
 * The frozen features of one video (or one multi-view study) and its label.
 *
 * @param id the video or study id
 * @param tokens {@code [view][clip][token][dim]} row-major per the set's {@link FeatureLayout}; the
 *     tokens of an absent view are zeros and are never read
 * @param viewPresent which views exist for this sample; at least one
 * @param label the target in original units (regression) or the class index
 */
public record FeatureSample(String id, float[] tokens, boolean[] viewPresent, float label) {

  public FeatureSample {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(tokens, "tokens");
    Objects.requireNonNull(viewPresent, "viewPresent");
    boolean any = false;
    for (boolean present : viewPresent) {
      any |= present;
    }
    if (!any) {
      throw new IllegalArgumentException("sample " + id + " has no view");
    }
  }

  /** A single-view sample. */
  public static FeatureSample of(String id, float[] tokens, float label) {
    return new FeatureSample(id, tokens, new boolean[] {true}, label);
  }

  /** The number of views present. */
  public int presentViews() {
    int count = 0;
    for (boolean present : viewPresent) {
      count += present ? 1 : 0;
    }
    return count;
  }
}
