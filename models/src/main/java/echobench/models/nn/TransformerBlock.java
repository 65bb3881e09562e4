package echobench.models.nn;

import ai.djl.ndarray.NDArray;

/**
 * A pre-norm transformer block, {@code x + attn(norm1(x))} then {@code x + mlp(norm2(x))}, with
 * V-JEPA's parameter names ({@code norm1}, {@code attn.qkv}, {@code attn.proj}, {@code norm2}, {@code
 * mlp.fc1}, {@code mlp.fc2}).
 */
public final class TransformerBlock extends Module {
  private final LayerNorm norm1;
  private final Attention attn;
  private final LayerNorm norm2;
  private final Mlp mlp;

  /**
   * A block of width {@code dim}, {@code heads} heads and MLP hidden width {@code mlpHidden}. {@code
   * layer} is the 1-based depth: as in V-JEPA the output projections ({@code attn.proj}, {@code
   * mlp.fc2}) start with std {@code 0.02/√(2·layer)}.
   */
  public TransformerBlock(ParameterFactory factory, int dim, int heads, int mlpHidden, int layer) {
    if (layer < 1) {
      throw new IllegalArgumentException("layer is 1-based: " + layer);
    }
    double outputStd = Linear.DEFAULT_INIT_STD / Math.sqrt(2.0 * layer);
    this.norm1 = child("norm1", new LayerNorm(factory, dim));
    this.attn = child("attn", new Attention(factory, dim, heads, outputStd));
    this.norm2 = child("norm2", new LayerNorm(factory, dim));
    this.mlp = child("mlp", new Mlp(factory, dim, mlpHidden, outputStd));
  }

  /** Applies the block to {@code [B, N, dim]} without positions or mask. */
  public NDArray forward(NDArray x) {
    return forward(x, null, null);
  }

  /**
   * Applies the block.
   *
   * @param rotation rotary positions for the attention, or null
   * @param keyPaddingMask {@code [B, N]} keys to ignore, or null
   */
  public NDArray forward(NDArray x, TokenRotation rotation, NDArray keyPaddingMask) {
    NDArray h = x.add(attn.forward(norm1.forward(x), rotation, keyPaddingMask));
    return h.add(mlp.forward(norm2.forward(h)));
  }
}
