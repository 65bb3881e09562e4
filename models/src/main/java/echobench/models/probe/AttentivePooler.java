package echobench.models.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import echobench.models.nn.Module;
import echobench.models.nn.ParameterFactory;
import echobench.models.nn.TransformerBlock;
import java.util.ArrayList;
import java.util.List;

/**
 * V-JEPA 2's attentive pooler with one query: {@code depth − 1} pre-norm self-attention blocks over
 * the encoder tokens, then a {@link CrossAttentionBlock} in which one learnable query token attends
 * to them. Output: one vector per sample.
 *
 * <p>Parameter names follow V-JEPA: {@code query_tokens} {@code [1, 1, dim]}, {@code blocks.i.*},
 * {@code cross_attention_block.*}. The self-attention blocks' output projections start at std
 * {@code 0.02/√(2·i)}; the cross block's {@code mlp.fc2} uses the last block's {@code i}.
 */
public final class AttentivePooler extends Module {
  private final NDArray queryTokens;
  private final List<TransformerBlock> blocks = new ArrayList<>();
  private final CrossAttentionBlock crossAttentionBlock;

  /** A pooler of width {@code dim} shaped by {@code config}. */
  public AttentivePooler(ParameterFactory factory, int dim, AttentiveProbeConfig config) {
    config.checkWidth(dim);
    int hidden = config.mlpHidden(dim);
    this.queryTokens = parameter("query_tokens", factory.truncatedNormal(new Shape(1, 1, dim), 0.02));
    for (int i = 0; i < config.depth() - 1; i++) {
      blocks.add(child("blocks." + i, new TransformerBlock(factory, dim, config.heads(), hidden, i + 1)));
    }
    int lastLayer = Math.max(1, config.depth() - 1);
    this.crossAttentionBlock =
        child(
            "cross_attention_block",
            new CrossAttentionBlock(factory, dim, config.heads(), hidden, lastLayer));
  }

  /**
   * Pools {@code tokens} {@code [B, N, dim]} into {@code [B, dim]}.
   *
   * @param keyPaddingMask {@code [B, N]} tokens to ignore everywhere, or null
   */
  public NDArray forward(NDArray tokens, NDArray keyPaddingMask) {
    NDArray x = tokens;
    for (TransformerBlock block : blocks) {
      x = block.forward(x, null, keyPaddingMask);
    }
    long batch = tokens.getShape().get(0);
    long dim = tokens.getShape().get(2);
    NDArray queries = queryTokens.broadcast(new Shape(batch, 1, dim));
    return crossAttentionBlock.forward(queries, x, keyPaddingMask).reshape(batch, dim);
  }
}
