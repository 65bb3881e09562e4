package echobench.models.pretrain;

import echobench.models.encoder.TokenGrid;
import java.util.Arrays;
import java.util.Random;

/**
 * VideoMAE's tube masking: per clip, a random {@code ratio} of the spatial positions is hidden in
 * every frame (the same positions through time), so that a hidden patch cannot be copied from its
 * neighbour in time. Draws come from (seed, step).
 */
public final class TubeMasks {
  private final TokenGrid grid;
  private final double ratio;
  private final long seed;

  /** Tube masks over {@code grid} hiding {@code ratio} of the positions. */
  public TubeMasks(TokenGrid grid, double ratio, long seed) {
    if (!(ratio > 0 && ratio < 1)) {
      throw new IllegalArgumentException("mask ratio must lie in (0, 1): " + ratio);
    }
    this.grid = grid;
    this.ratio = ratio;
    this.seed = seed;
  }

  /** The mask of a batch at {@code step}: {@code ⌊ratio·H·W⌋} hidden positions per frame. */
  public TokenMask sample(int batchSize, long step) {
    Random random = StepRandom.of(seed, step, StepRandom.Stream.MASKS);
    int spatial = grid.spatialSize();
    int hiddenPerFrame = Math.max(1, Math.min(spatial - 1, (int) (ratio * spatial)));
    int visiblePerFrame = spatial - hiddenPerFrame;
    int[][] context = new int[batchSize][visiblePerFrame * grid.frames()];
    int[][] target = new int[batchSize][hiddenPerFrame * grid.frames()];
    for (int b = 0; b < batchSize; b++) {
      int[] order = new int[spatial];
      for (int i = 0; i < spatial; i++) {
        order[i] = i;
      }
      for (int i = spatial - 1; i > 0; i--) {
        int j = random.nextInt(i + 1);
        int tmp = order[i];
        order[i] = order[j];
        order[j] = tmp;
      }
      int[] visible = Arrays.copyOf(order, visiblePerFrame);
      int[] hidden = Arrays.copyOfRange(order, visiblePerFrame, spatial);
      Arrays.sort(visible);
      Arrays.sort(hidden);
      for (int t = 0; t < grid.frames(); t++) {
        for (int i = 0; i < visiblePerFrame; i++) {
          context[b][t * visiblePerFrame + i] = t * spatial + visible[i];
        }
        for (int i = 0; i < hiddenPerFrame; i++) {
          target[b][t * hiddenPerFrame + i] = t * spatial + hidden[i];
        }
      }
    }
    return new TokenMask(context, target);
  }
}
