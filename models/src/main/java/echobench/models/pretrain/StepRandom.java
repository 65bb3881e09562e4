package echobench.models.pretrain;

import java.util.Random;

/**
 * Random streams derived from (run seed, step, purpose), so that a resumed run draws exactly what an
 * uninterrupted one would have drawn: the only random state to save is the step counter.
 */
final class StepRandom {
  /** Purposes, one independent stream each. */
  enum Stream {
    CLIP_ORDER,
    AUGMENTATION,
    MASKS
  }

  private StepRandom() {}

  /** The stream for {@code purpose} at {@code step} of a run seeded with {@code seed}. */
  static Random of(long seed, long step, Stream purpose) {
    long z = mix(mix(seed ^ 0x5DEECE66DL) + step * 0x9E3779B97F4A7C15L + purpose.ordinal());
    return new Random(z);
  }

  /** SplitMix64's finaliser. */
  private static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
