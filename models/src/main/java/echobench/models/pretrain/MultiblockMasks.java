package echobench.models.pretrain;

import echobench.models.encoder.TokenGrid;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * V-JEPA's multiblock 3-D masking. For each {@link MaskSpec} and batch: one block size is drawn
 * ({@code t = max(1, ⌊T·temporal⌋)}, {@code n = ⌊H·W·spatial⌋}, aspect {@code a} uniform, {@code h =
 * round(√(n·a))}, {@code w = round(√(n/a))}, clipped to the grid); each clip then gets {@code blocks}
 * uniformly placed blocks of that size. The target is their union, the context its complement (a
 * clip whose context would be empty is redrawn). Every clip's lists are cut to the batch minimum
 * (keeping the lowest ids) so that the batch stacks.
 *
 * <p>Draws come from (seed, step): the same seed and step give the same masks.
 */
public final class MultiblockMasks {
  private static final int MAX_TRIES = 1000;

  private final TokenGrid grid;
  private final List<MaskSpec> specs;
  private final long seed;

  /** Masks over {@code grid} following {@code specs}, seeded by {@code seed}. */
  public MultiblockMasks(TokenGrid grid, List<MaskSpec> specs, long seed) {
    if (specs.isEmpty()) {
      throw new IllegalArgumentException("at least one mask spec is needed");
    }
    this.grid = grid;
    this.specs = List.copyOf(specs);
    this.seed = seed;
  }

  /** The mask specifications, in the order of {@link #sample}'s result. */
  public List<MaskSpec> specs() {
    return specs;
  }

  /** One {@link TokenMask} per spec for a batch of {@code batchSize} clips at {@code step}. */
  public List<TokenMask> sample(int batchSize, long step) {
    Random random = StepRandom.of(seed, step, StepRandom.Stream.MASKS);
    List<TokenMask> masks = new ArrayList<>(specs.size());
    for (MaskSpec spec : specs) {
      int[] size = blockSize(spec, random);
      boolean[][] hidden = new boolean[batchSize][];
      for (int b = 0; b < batchSize; b++) {
        hidden[b] = placeBlocks(spec.blocks(), size, random);
      }
      masks.add(toMask(hidden));
    }
    return masks;
  }

  /** The block size {@code (frames, rows, columns)} for one batch. */
  int[] blockSize(MaskSpec spec, Random random) {
    int t = Math.max(1, (int) (grid.frames() * spec.temporalScale()));
    int n = (int) (grid.rows() * grid.columns() * spec.spatialScale());
    double aspect = spec.aspectMin() + random.nextDouble() * (spec.aspectMax() - spec.aspectMin());
    int h = Math.max(1, Math.min(grid.rows(), (int) Math.round(Math.sqrt(n * aspect))));
    int w = Math.max(1, Math.min(grid.columns(), (int) Math.round(Math.sqrt(n / aspect))));
    return new int[] {t, h, w};
  }

  private boolean[] placeBlocks(int blocks, int[] size, Random random) {
    for (int attempt = 0; attempt < MAX_TRIES; attempt++) {
      boolean[] hidden = new boolean[grid.size()];
      for (int k = 0; k < blocks; k++) {
        int start = random.nextInt(grid.frames() - size[0] + 1);
        int top = random.nextInt(grid.rows() - size[1] + 1);
        int left = random.nextInt(grid.columns() - size[2] + 1);
        for (int t = start; t < start + size[0]; t++) {
          for (int r = top; r < top + size[1]; r++) {
            for (int c = left; c < left + size[2]; c++) {
              hidden[grid.id(t, r, c)] = true;
            }
          }
        }
      }
      for (boolean h : hidden) {
        if (!h) {
          return hidden;
        }
      }
    }
    throw new IllegalStateException(
        "mask blocks of size " + size[1] + "×" + size[2] + " always cover the whole "
            + grid.rows() + "×" + grid.columns() + " token grid");
  }

  private static TokenMask toMask(boolean[][] hidden) {
    int minContext = Integer.MAX_VALUE;
    int minTarget = Integer.MAX_VALUE;
    for (boolean[] h : hidden) {
      int targets = 0;
      for (boolean v : h) {
        targets += v ? 1 : 0;
      }
      minTarget = Math.min(minTarget, targets);
      minContext = Math.min(minContext, h.length - targets);
    }
    int[][] context = new int[hidden.length][minContext];
    int[][] target = new int[hidden.length][minTarget];
    for (int b = 0; b < hidden.length; b++) {
      int nc = 0;
      int nt = 0;
      for (int id = 0; id < hidden[b].length; id++) {
        if (hidden[b][id]) {
          if (nt < minTarget) {
            target[b][nt++] = id;
          }
        } else if (nc < minContext) {
          context[b][nc++] = id;
        }
      }
    }
    return new TokenMask(context, target);
  }
}
