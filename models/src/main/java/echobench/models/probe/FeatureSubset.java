package echobench.models.probe;

/**
 * Some samples of a {@link FeatureSource}, picked by index, read through to it: a probe fitted on
 * a subset of a stored split reads the same file, nothing is copied.
 */
public final class FeatureSubset implements FeatureSource {
  private final FeatureSource source;
  private final int[] indices;

  private FeatureSubset(FeatureSource source, int[] indices) {
    this.source = source;
    this.indices = indices;
  }

  /**
   * The samples {@code indices} of {@code source}, in the order given.
   *
   * @throws IllegalArgumentException for no index, or an index outside {@code source}
   */
  public static FeatureSubset of(FeatureSource source, int[] indices) {
    if (indices.length == 0) {
      throw new IllegalArgumentException("a feature subset needs at least one sample");
    }
    for (int i : indices) {
      if (i < 0 || i >= source.size()) {
        throw new IllegalArgumentException(
            "index " + i + " is outside the " + source.size() + " samples");
      }
    }
    return new FeatureSubset(source, indices.clone());
  }

  /** The indices into the source, in subset order (a copy). */
  public int[] indices() {
    return indices.clone();
  }

  @Override
  public FeatureLayout layout() {
    return source.layout();
  }

  @Override
  public ProbeTask task() {
    return source.task();
  }

  @Override
  public int size() {
    return indices.length;
  }

  @Override
  public String id(int index) {
    return source.id(indices[index]);
  }

  @Override
  public float label(int index) {
    return source.label(indices[index]);
  }

  @Override
  public boolean[] viewPresent(int index) {
    return source.viewPresent(indices[index]);
  }

  @Override
  public void read(int index, int offset, float[] into, int at, int count) {
    source.read(indices[index], offset, into, at, count);
  }
}
