package echobench.models.probe;

/**
 * The shape of one sample's frozen features: {@code views × clips} streams, each of {@code tokens}
 * encoder tokens of width {@code dim}, stored row-major as {@code [view][clip][token][dim]}.
 *
 * <p>A single-view study has {@code views = 1}; {@code clips} is the number of temporal clips
 * sampled from each video (DESIGN §5).
 */
public record FeatureLayout(int views, int clips, int tokens, int dim) {

  public FeatureLayout {
    if (views < 1 || clips < 1 || tokens < 1 || dim < 1) {
      throw new IllegalArgumentException(
          "feature layout must be positive: views=" + views + " clips=" + clips + " tokens="
              + tokens + " dim=" + dim);
    }
    if ((long) views * clips * tokens * dim > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("one sample's features exceed a Java array");
    }
  }

  /** One view, one clip. */
  public static FeatureLayout single(int tokens, int dim) {
    return new FeatureLayout(1, 1, tokens, dim);
  }

  /**
   * Whether a probe trained on features of {@code trained} can read features of this layout: the
   * same token width and number of views, and for several views the same clips and tokens (their
   * streams are embedded and concatenated). A single-view probe reads any number of clips, each on
   * its own.
   */
  public boolean readableBy(FeatureLayout trained) {
    boolean same = dim == trained.dim && views == trained.views;
    return views == 1 ? same : same && clips == trained.clips && tokens == trained.tokens;
  }

  /** Floats in one clip's token block. */
  public int clipFloats() {
    return tokens * dim;
  }

  /** Floats in one sample. */
  public int sampleFloats() {
    return views * clips * tokens * dim;
  }

  /** The offset of the first float of {@code (view, clip)} in a sample's array. */
  public int offset(int view, int clip) {
    return (view * clips + clip) * clipFloats();
  }
}
