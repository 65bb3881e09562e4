package echobench.models.probe;

import ai.djl.ndarray.NDArray;
import echobench.models.nn.LayerNorm;
import echobench.models.nn.Linear;
import echobench.models.nn.Mlp;
import echobench.models.nn.Module;
import echobench.models.nn.ParameterFactory;

/**
 * V-JEPA's cross-attention block: {@code q' = q + xattn(q, norm1(x))}, then {@code q' +
 * mlp(norm2(q'))}. The layer norm applies to the keys and values only, never to the queries.
 * Parameter names: {@code norm1}, {@code xattn.q}, {@code xattn.kv}, {@code norm2}, {@code mlp.fc1},
 * {@code mlp.fc2}.
 */
public final class CrossAttentionBlock extends Module {
  private final LayerNorm norm1;
  private final CrossAttention xattn;
  private final LayerNorm norm2;
  private final Mlp mlp;

  /**
   * A block of width {@code dim}; {@code layer} (1-based) scales the initial {@code mlp.fc2} weights
   * by {@code 1/√(2·layer)} as V-JEPA does.
   */
  public CrossAttentionBlock(ParameterFactory factory, int dim, int heads, int mlpHidden, int layer) {
    this.norm1 = child("norm1", new LayerNorm(factory, dim));
    this.xattn = child("xattn", new CrossAttention(factory, dim, heads));
    this.norm2 = child("norm2", new LayerNorm(factory, dim));
    this.mlp =
        child("mlp", new Mlp(factory, dim, mlpHidden, Linear.DEFAULT_INIT_STD / Math.sqrt(2.0 * layer)));
  }

  /**
   * Updates {@code queries} {@code [B, Q, dim]} from {@code x} {@code [B, N, dim]}.
   *
   * @param keyPaddingMask {@code [B, N]} keys to ignore, or null
   */
  public NDArray forward(NDArray queries, NDArray x, NDArray keyPaddingMask) {
    NDArray attended = queries.add(xattn.forward(queries, norm1.forward(x), keyPaddingMask));
    return attended.add(mlp.forward(norm2.forward(attended)));
  }
}
