package echobench.models.encoder;

/**
 * V-JEPA's fixed 3-D sincos position table ({@code pos_embed} {@code [1, N, D]}, added to the tokens
 * after the tubelet embedding) and its resizing to another token grid, both as upstream computes
 * them.
 *
 * <p>The table ({@code get_3d_sincos_pos_embed}, {@code uniform_power=False}): per token the
 * concatenation of a 1-D sincos code of its frame index ({@code D/2} channels), its row ({@code D/4})
 * and its column ({@code D/4}); a 1-D code of width {@code w} at position {@code p} is {@code
 * [sin(p·ω_0) … sin(p·ω_(w/2−1)), cos(p·ω_0) … cos(p·ω_(w/2−1))]} with {@code ω_i = 10000^(−2i/w)}.
 * A checkpoint's own table is what the encoder uses; this one only initialises a fresh encoder.
 *
 * <p>Resizing ({@code interpolate_pos_encoding}): the table is used as is for its own grid; for the
 * same rows and columns with fewer frames its first tokens are kept; otherwise it is resampled
 * trilinearly ({@code align_corners=False}) by the scale factors {@code (T'/T, H'/H, W'/W)}.
 */
public final class SincosPositions3d {
  private SincosPositions3d() {}

  /**
   * The table for {@code grid} (square: upstream builds it from one grid side) as {@code N·D}
   * floats, token-major.
   *
   * @throws IllegalArgumentException when {@code embedDim} is not a multiple of 8 or the grid is
   *     not square
   */
  public static float[] table(int embedDim, TokenGrid grid) {
    if (embedDim % 8 != 0) {
      throw new IllegalArgumentException(
          "3-D sincos positions need a width divisible by 8, not " + embedDim);
    }
    if (grid.rows() != grid.columns()) {
      throw new IllegalArgumentException("3-D sincos tables are built for square grids, not " + grid);
    }
    int frameWidth = embedDim / 2;
    int sideWidth = embedDim / 4;
    float[] table = new float[grid.size() * embedDim];
    for (int id = 0; id < grid.size(); id++) {
      int base = id * embedDim;
      code(table, base, frameWidth, grid.frameOf(id));
      code(table, base + frameWidth, sideWidth, grid.rowOf(id));
      code(table, base + frameWidth + sideWidth, sideWidth, grid.columnOf(id));
    }
    return table;
  }

  private static void code(float[] into, int offset, int width, int position) {
    int half = width / 2;
    for (int i = 0; i < half; i++) {
      double omega = 1.0 / Math.pow(10000.0, i / (width / 2.0));
      double angle = position * omega;
      into[offset + i] = (float) Math.sin(angle);
      into[offset + half + i] = (float) Math.cos(angle);
    }
  }

  /**
   * {@code table} ({@code from.size()·dim} floats) resized to {@code to} as upstream's {@code
   * interpolate_pos_encoding} does; the same array when the grids are equal.
   *
   * @throws IllegalArgumentException when upstream's scale factors do not produce {@code to}
   */
  public static float[] resize(float[] table, int dim, TokenGrid from, TokenGrid to) {
    if (to.equals(from)) {
      return table;
    }
    if (to.rows() == from.rows() && to.columns() == from.columns() && to.frames() < from.frames()) {
      float[] prefix = new float[to.size() * dim];
      System.arraycopy(table, 0, prefix, 0, prefix.length);
      return prefix;
    }
    Axis t = new Axis(from.frames(), to.frames());
    Axis h = new Axis(from.rows(), to.rows());
    Axis w = new Axis(from.columns(), to.columns());
    float[] out = new float[to.size() * dim];
    for (int ot = 0; ot < to.frames(); ot++) {
      for (int oh = 0; oh < to.rows(); oh++) {
        for (int ow = 0; ow < to.columns(); ow++) {
          int target = to.id(ot, oh, ow) * dim;
          for (int corner = 0; corner < 8; corner++) {
            int it = t.index(ot, corner >> 2 & 1);
            int ih = h.index(oh, corner >> 1 & 1);
            int iw = w.index(ow, corner & 1);
            float weight = t.weight(ot, corner >> 2 & 1) * h.weight(oh, corner >> 1 & 1)
                * w.weight(ow, corner & 1);
            int source = from.id(it, ih, iw) * dim;
            for (int c = 0; c < dim; c++) {
              out[target + c] += weight * table[source + c];
            }
          }
        }
      }
    }
    return out;
  }

  /**
   * One axis of PyTorch's linear resampling with a given scale factor: output size {@code
   * ⌊in·scale⌋}, source coordinate {@code max(0, (o + 0.5)/scale − 0.5)}, neighbours {@code i0} and
   * {@code min(i0 + 1, in − 1)}.
   */
  private static final class Axis {
    private final int[][] index;
    private final float[][] weight;

    Axis(int in, int out) {
      double scale = (double) out / in;
      if ((int) Math.floor(in * scale) != out) {
        throw new IllegalArgumentException(
            "sincos positions: scaling " + in + " positions by " + out + "/" + in
                + " does not give " + out + " (upstream cannot resize to this grid)");
      }
      float inverse = (float) (1.0 / scale);
      index = new int[out][2];
      weight = new float[out][2];
      for (int o = 0; o < out; o++) {
        float source = Math.max(0f, inverse * (o + 0.5f) - 0.5f);
        int i0 = (int) source;
        float lambda = source - i0;
        index[o][0] = i0;
        index[o][1] = i0 < in - 1 ? i0 + 1 : i0;
        weight[o][0] = 1f - lambda;
        weight[o][1] = lambda;
      }
    }

    int index(int o, int which) {
      return index[o][which];
    }

    float weight(int o, int which) {
      return weight[o][which];
    }
  }
}
