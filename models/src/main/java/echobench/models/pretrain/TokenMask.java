package echobench.models.pretrain;

/**
 * Visible and hidden tokens of a batch for one mask: {@code context[b]} and {@code target[b]} are
 * the sorted grid ids of sample {@code b}, disjoint, with the same counts in every sample.
 */
public record TokenMask(int[][] context, int[][] target) {
  /** Visible tokens per sample. */
  public int contextCount() {
    return context[0].length;
  }

  /** Hidden tokens per sample. */
  public int targetCount() {
    return target[0].length;
  }
}
