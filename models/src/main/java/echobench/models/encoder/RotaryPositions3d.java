package echobench.models.encoder;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import echobench.models.nn.TokenRotation;

/**
 * V-JEPA 2's 3-D rotary position embedding, reproduced exactly so that imported weights see the
 * positions they were trained with.
 *
 * <p>Each head's channels are split into three segments of {@code d = 2·⌊⌊headDim/3⌋/2⌋} channels,
 * rotated by the token's frame, row and column index respectively; the remaining {@code headDim − 3d}
 * channels pass unrotated (all of them for head widths 2 and 4, where {@code d = 0}, as upstream). Within a segment with {@code n = d/2} frequencies {@code ω_i =
 * 10000^(−i/n)}, channel {@code c} uses frequency {@code ω_(c mod n)} (V-JEPA 2 repeats the sin/cos
 * table as {@code [f0..fn−1, f0..fn−1]}) while the rotation pairs adjacent channels, {@code (x0, x1) →
 * (−x1, x0)}:
 *
 * <pre>  out[2i]   = x[2i]·cos(p·ω_(2i mod n))     − x[2i+1]·sin(p·ω_(2i mod n))
 *   out[2i+1] = x[2i+1]·cos(p·ω_(2i+1 mod n)) + x[2i]·sin(p·ω_(2i+1 mod n))</pre>
 *
 * (indices relative to the segment). Paired channels thus use different frequencies: that is the
 * upstream convention, kept on purpose.
 */
public final class RotaryPositions3d {
  private static final double BASE = 10000.0;

  private final int headDim;
  private final int axisDim;
  private final TokenGrid grid;
  private final float[] cos;
  private final float[] signedSin;

  /** Tables for heads of width {@code headDim} (even) over {@code grid}. */
  public RotaryPositions3d(int headDim, TokenGrid grid) {
    if (headDim % 2 != 0) {
      throw new IllegalArgumentException("rotary positions need an even head width: " + headDim);
    }
    this.headDim = headDim;
    this.axisDim = axisDim(headDim);
    this.grid = grid;
    int n = grid.size();
    this.cos = new float[n * headDim];
    this.signedSin = new float[n * headDim];
    for (int id = 0; id < n; id++) {
      int[] position = {grid.frameOf(id), grid.rowOf(id), grid.columnOf(id)};
      int base = id * headDim;
      for (int c = 0; c < headDim; c++) {
        int axis = axisDim == 0 ? 3 : c / axisDim;
        if (axis >= 3) {
          cos[base + c] = 1f;
          continue;
        }
        int within = c % axisDim;
        int frequencies = axisDim / 2;
        double omega = Math.pow(BASE, -(double) (within % frequencies) / frequencies);
        double angle = position[axis] * omega;
        cos[base + c] = (float) Math.cos(angle);
        // (x0, x1) → (−x1, x0): the even channel takes −sin times its partner, the odd one +sin.
        signedSin[base + c] = (float) ((within % 2 == 0 ? -1 : 1) * Math.sin(angle));
      }
    }
  }

  /** The rotated channels per axis for a head width: {@code 2·⌊⌊headDim/3⌋/2⌋}. */
  public static int axisDim(int headDim) {
    return 2 * ((headDim / 3) / 2);
  }

  /** The grid these tables cover. */
  public TokenGrid grid() {
    return grid;
  }

  /** The rotation of every token of the grid in id order (broadcast over the batch). */
  public TokenRotation forAllTokens(NDManager manager) {
    NDArray c = manager.create(cos, new Shape(1, 1, grid.size(), headDim));
    NDArray s = manager.create(signedSin, new Shape(1, 1, grid.size(), headDim));
    return x -> apply(x, c, s);
  }

  /**
   * The rotation of a subset of tokens per sample: {@code tokenIds[b][k]} is the grid id of the
   * {@code k}-th token of sample {@code b} (every row the same length).
   */
  public TokenRotation forTokens(NDManager manager, int[][] tokenIds) {
    int b = tokenIds.length;
    int k = tokenIds[0].length;
    float[] c = new float[b * k * headDim];
    float[] s = new float[b * k * headDim];
    for (int i = 0; i < b; i++) {
      if (tokenIds[i].length != k) {
        throw new IllegalArgumentException("every sample needs the same number of tokens");
      }
      for (int j = 0; j < k; j++) {
        int id = tokenIds[i][j];
        System.arraycopy(cos, id * headDim, c, (i * k + j) * headDim, headDim);
        System.arraycopy(signedSin, id * headDim, s, (i * k + j) * headDim, headDim);
      }
    }
    NDArray cosArray = manager.create(c, new Shape(b, 1, k, headDim));
    NDArray sinArray = manager.create(s, new Shape(b, 1, k, headDim));
    return x -> apply(x, cosArray, sinArray);
  }

  private NDArray apply(NDArray x, NDArray cosTable, NDArray signedSinTable) {
    Shape shape = x.getShape();
    NDArray swapped =
        x.reshape(shape.get(0), shape.get(1), shape.get(2), headDim / 2, 2).flip(4).reshape(shape);
    return x.mul(cosTable).add(swapped.mul(signedSinTable));
  }
}
