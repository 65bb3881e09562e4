package echobench.models.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

class RotaryPositions3dTest {
  @Test
  void axisWidthFollowsVJepa2() {
    assertThat(RotaryPositions3d.axisDim(64)).isEqualTo(20); // ViT-S/B/L heads: 3·20 rotated, 4 free
    assertThat(RotaryPositions3d.axisDim(32)).isEqualTo(10);
    assertThat(RotaryPositions3d.axisDim(88)).isEqualTo(28);
    assertThat(RotaryPositions3d.axisDim(12)).isEqualTo(4);
  }

  /**
   * Head width 14: segments of 4 channels for frame, row and column, channels 12–13 unrotated. With n
   * = 2 frequencies ω = (1, 0.01), segment channel c uses ω[c mod 2], and pairs (c, c+1) rotate as
   * (x0, x1) → (x0·cos − x1·sin, x1·cos' + x0·sin') where cos' and sin' use the partner's frequency.
   */
  @Test
  void rotatesAsTheUpstreamCodeForOneToken() {
    TokenGrid grid = new TokenGrid(3, 4, 5);
    RotaryPositions3d rope = new RotaryPositions3d(14, grid);
    int token = grid.id(2, 3, 1);
    float[] x = new float[14];
    for (int i = 0; i < x.length; i++) {
      x[i] = 0.1f * (i + 1) * (i % 3 == 0 ? -1 : 1);
    }
    double[] expected = new double[14];
    int[] position = {2, 3, 1};
    double[] omega = {1.0, Math.pow(10000, -0.5)};
    for (int axis = 0; axis < 3; axis++) {
      int s = axis * 4;
      for (int pair = 0; pair < 2; pair++) {
        int c0 = 2 * pair;
        int c1 = c0 + 1;
        double a0 = position[axis] * omega[c0 % 2];
        double a1 = position[axis] * omega[c1 % 2];
        expected[s + c0] = x[s + c0] * Math.cos(a0) - x[s + c1] * Math.sin(a0);
        expected[s + c1] = x[s + c1] * Math.cos(a1) + x[s + c0] * Math.sin(a1);
      }
    }
    expected[12] = x[12];
    expected[13] = x[13];
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray in = m.create(x, new Shape(1, 1, 1, 14));
      float[] out = rope.forTokens(m, new int[][] {{token}}).rotate(in).toFloatArray();
      for (int i = 0; i < 14; i++) {
        assertThat((double) out[i]).as("channel %d", i).isCloseTo(expected[i], within(1e-6));
      }
    }
  }

  @Test
  void allTokensAndSelectedTokensAgree() {
    TokenGrid grid = new TokenGrid(2, 2, 2);
    RotaryPositions3d rope = new RotaryPositions3d(8, grid);
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray x = m.randomNormal(new Shape(1, 2, 8, 8));
      NDArray all = rope.forAllTokens(m).rotate(x);
      int[] ids = {5, 2};
      NDArray some = rope.forTokens(m, new int[][] {ids}).rotate(x.get(":, :, {}, :", m.create(new long[] {5, 2})));
      assertThat(some.toFloatArray())
          .containsExactly(all.get(":, :, {}, :", m.create(new long[] {5, 2})).toFloatArray(), within(1e-6f));
      // Token 0 sits at the origin: no rotation at all.
      assertThat(all.get(":, :, 0, :").toFloatArray())
          .containsExactly(x.get(":, :, 0, :").toFloatArray(), within(1e-7f));
    }
  }
}
