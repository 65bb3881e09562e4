package echobench.models.probe;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The frozen-encoder features of one split held in the heap, extracted once and shared by every
 * probe trained on it (the in-memory {@link FeatureSource}; {@link FeatureStore} is the on-disk one).
 *
 * <p>Each sample keeps its tokens as one {@code float[]} laid out by the set's {@link
 * FeatureLayout}. Memory footprint: {@code size × views × clips × tokens × dim × 4} bytes plus about
 * 100 bytes per sample; for example 1,000 videos × 2 clips × 128 tokens × 192 dims is 197 MB. The
 * pipeline streams samples in through a {@link Builder} as it encodes them, so the decoded videos
 * are never held alongside the features.
 */
public final class FeatureSet implements FeatureSource {
  private final FeatureLayout layout;
  private final ProbeTask task;
  private final List<FeatureSample> samples;

  private FeatureSet(FeatureLayout layout, ProbeTask task, List<FeatureSample> samples) {
    this.layout = layout;
    this.task = task;
    this.samples = Collections.unmodifiableList(samples);
  }

  /** Starts an empty set of the given layout and task. */
  public static Builder builder(FeatureLayout layout, ProbeTask task) {
    return new Builder(layout, task);
  }

  @Override
  public FeatureLayout layout() {
    return layout;
  }

  @Override
  public ProbeTask task() {
    return task;
  }

  @Override
  public int size() {
    return samples.size();
  }

  public FeatureSample sample(int index) {
    return samples.get(index);
  }

  public List<FeatureSample> samples() {
    return samples;
  }

  @Override
  public String id(int index) {
    return samples.get(index).id();
  }

  @Override
  public float label(int index) {
    return samples.get(index).label();
  }

  @Override
  public boolean[] viewPresent(int index) {
    return samples.get(index).viewPresent().clone();
  }

  @Override
  public void read(int index, int offset, float[] into, int at, int count) {
    System.arraycopy(samples.get(index).tokens(), offset, into, at, count);
  }

  /** Bytes held by the token arrays. */
  public long footprintBytes() {
    return (long) samples.size() * layout.sampleFloats() * Float.BYTES;
  }

  /** Accumulates samples one at a time, checking each against the layout and the task. */
  public static final class Builder {
    private final FeatureLayout layout;
    private final ProbeTask task;
    private final List<FeatureSample> samples = new ArrayList<>();

    private Builder(FeatureLayout layout, ProbeTask task) {
      this.layout = Objects.requireNonNull(layout, "layout");
      this.task = Objects.requireNonNull(task, "task");
    }

    /**
     * Adds a sample.
     *
     * @throws IllegalArgumentException naming the sample if its shape or label does not fit
     */
    public Builder add(FeatureSample sample) {
      if (sample.tokens().length != layout.sampleFloats()) {
        throw new IllegalArgumentException(
            "sample " + sample.id() + " has " + sample.tokens().length + " feature values, layout "
                + layout + " needs " + layout.sampleFloats());
      }
      if (sample.viewPresent().length != layout.views()) {
        throw new IllegalArgumentException(
            "sample " + sample.id() + " flags " + sample.viewPresent().length + " views, layout has "
                + layout.views());
      }
      task.checkLabel(sample.id(), sample.label());
      samples.add(sample);
      return this;
    }

    /** The finished set; the builder must not be used afterwards. */
    public FeatureSet build() {
      if (samples.isEmpty()) {
        throw new IllegalArgumentException("a feature set needs at least one sample");
      }
      return new FeatureSet(layout, task, samples);
    }
  }
}
