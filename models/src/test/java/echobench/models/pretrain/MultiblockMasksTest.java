package echobench.models.pretrain;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.models.encoder.TokenGrid;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MultiblockMasksTest {
  private static final TokenGrid GRID = new TokenGrid(8, 14, 14); // 16 frames, 224 px, V-JEPA's grid

  @Test
  void aSingleBlockIsAFullTimeBoxOfTheConfiguredAreaAndAspect() {
    MaskSpec spec = new MaskSpec(1, 0.15, 0.75, 1.5, 1.0);
    MultiblockMasks masks = new MultiblockMasks(GRID, List.of(spec), 3);
    int area = (int) (14 * 14 * 0.15); // 29 tokens per frame
    for (long step = 0; step < 20; step++) {
      TokenMask mask = masks.sample(4, step).get(0);
      for (int[] target : mask.target()) {
        int[] lo = {99, 99, 99};
        int[] hi = {-1, -1, -1};
        for (int id : target) {
          int[] p = {GRID.frameOf(id), GRID.rowOf(id), GRID.columnOf(id)};
          for (int a = 0; a < 3; a++) {
            lo[a] = Math.min(lo[a], p[a]);
            hi[a] = Math.max(hi[a], p[a]);
          }
        }
        int t = hi[0] - lo[0] + 1;
        int h = hi[1] - lo[1] + 1;
        int w = hi[2] - lo[2] + 1;
        assertThat(t).isEqualTo(8);
        assertThat(target).hasSize(t * h * w); // a solid box
        assertThat(Math.abs(h * w - area)).isLessThanOrEqualTo(h + w); // area up to rounding
        assertThat((double) h / w).isBetween(0.75 * 0.7, 1.5 / 0.7); // aspect up to rounding
      }
    }
  }

  @Test
  void contextAndTargetAreDisjointWithEqualCountsAndVJepaFractions() {
    MultiblockMasks masks = new MultiblockMasks(GRID, MaskSpec.VJEPA, 5);
    double[] hiddenFraction = new double[2];
    int draws = 30;
    for (long step = 0; step < draws; step++) {
      List<TokenMask> pair = masks.sample(6, step);
      for (int k = 0; k < 2; k++) {
        TokenMask mask = pair.get(k);
        for (int b = 0; b < 6; b++) {
          assertThat(mask.context()[b]).hasSize(mask.contextCount()).isSorted();
          assertThat(mask.target()[b]).hasSize(mask.targetCount()).isSorted();
          Set<Integer> seen = new HashSet<>();
          Arrays.stream(mask.context()[b]).forEach(seen::add);
          Arrays.stream(mask.target()[b]).forEach(id -> assertThat(seen.add(id)).isTrue());
          assertThat(mask.contextCount()).isPositive();
        }
        hiddenFraction[k] += (double) mask.targetCount() / GRID.size() / draws;
      }
    }
    // Eight 15 % blocks hide about 1 − 0.85⁸ ≈ 73 % of a frame, two 70 % blocks about 91 %, less
    // the overlap of placements and the cut to the batch minimum.
    assertThat(hiddenFraction[0]).isBetween(0.45, 0.8);
    assertThat(hiddenFraction[1]).isBetween(0.65, 0.95);
  }

  @Test
  void theSameSeedAndStepGiveTheSameMasks() {
    List<TokenMask> a = new MultiblockMasks(GRID, MaskSpec.VJEPA, 9).sample(3, 17);
    List<TokenMask> b = new MultiblockMasks(GRID, MaskSpec.VJEPA, 9).sample(3, 17);
    List<TokenMask> c = new MultiblockMasks(GRID, MaskSpec.VJEPA, 9).sample(3, 18);
    for (int k = 0; k < 2; k++) {
      assertThat(a.get(k).context()).isDeepEqualTo(b.get(k).context());
      assertThat(a.get(k).target()).isDeepEqualTo(b.get(k).target());
    }
    assertThat(java.util.Arrays.deepEquals(a.get(0).target(), c.get(0).target())).isFalse();
  }

  @Test
  void tubeMasksHideTheSamePositionsInEveryFrame() {
    TokenGrid grid = new TokenGrid(8, 7, 7);
    TokenMask mask = new TubeMasks(grid, 0.9, 1).sample(2, 0);
    assertThat(mask.targetCount()).isEqualTo(8 * 44); // ⌊0.9·49⌋ per frame
    assertThat(mask.contextCount()).isEqualTo(8 * 5);
    for (int[] context : mask.context()) {
      Set<Integer> positions = new HashSet<>();
      Arrays.stream(context).forEach(id -> positions.add(id % grid.spatialSize()));
      assertThat(positions).hasSize(5);
    }
  }
}
