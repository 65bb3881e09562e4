package echobench.models.pretrain;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import echobench.models.encoder.InputSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The training batches of a run: clips taken in a fresh seeded permutation each epoch, cropped by
 * {@link RandomResizedCrop}, replicated to RGB and normalised. Batch {@code step} depends only on
 * (seed, step), so a resumed run sees the batches an uninterrupted one would have seen.
 */
public final class ClipBatches {
  private final ClipSource source;
  private final RandomResizedCrop crop;
  private final InputSpec spec;
  private final int batchSize;
  private final long seed;
  private long cachedEpoch = -1;
  private int[] cachedOrder;

  /** Batches of {@code batchSize} clips from {@code source} at {@code spec}'s size. */
  public ClipBatches(
      ClipSource source, RandomResizedCrop crop, InputSpec spec, int batchSize, long seed) {
    if (source.size() == 0) {
      throw new IllegalArgumentException("no clips to train on: " + source.describe());
    }
    if (spec.height() != spec.width()) {
      throw new IllegalArgumentException("training crops are square");
    }
    this.source = source;
    this.crop = crop;
    this.spec = spec;
    this.batchSize = batchSize;
    this.seed = seed;
  }

  /** Batch {@code step} as a normalised {@code [B, 3, T, H, W]} array in {@code manager}. */
  public NDArray batch(NDManager manager, long step) {
    Random augmentation = StepRandom.of(seed, step, StepRandom.Stream.AUGMENTATION);
    ClipShape shape = source.shape();
    float[] raw = new float[shape.length()];
    List<float[]> clips = new ArrayList<>(batchSize);
    for (int i = 0; i < batchSize; i++) {
      source.fill(clipIndex(step * batchSize + i), raw);
      clips.add(crop.apply(raw, shape, spec.frames(), spec.height(), augmentation));
    }
    return spec.toBatch(manager, clips, shape.channels());
  }

  /** The clip at position {@code sample} of the endless epoch-by-epoch sequence. */
  int clipIndex(long sample) {
    int n = source.size();
    long epoch = sample / n;
    if (epoch != cachedEpoch) {
      Random random = StepRandom.of(seed, epoch, StepRandom.Stream.CLIP_ORDER);
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[i] = i;
      }
      for (int i = n - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      cachedOrder = order;
      cachedEpoch = epoch;
    }
    return cachedOrder[(int) (sample % n)];
  }
}
