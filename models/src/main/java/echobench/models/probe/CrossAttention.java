package echobench.models.probe;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import echobench.models.nn.Linear;
import echobench.models.nn.Module;
import echobench.models.nn.ParameterFactory;
import echobench.models.nn.Scalars;

/**
 * Multi-head cross-attention of V-JEPA's attentive pooler: queries through their own {@code q}
 * linear, keys and values through one fused {@code kv} linear, {@code softmax(q·kᵀ/√d)·v} per head,
 * and no output projection.
 */
public final class CrossAttention extends Module {
  private static final float MASKED_SCORE = -1e9f;

  private final int dim;
  private final int heads;
  private final Linear q;
  private final Linear kv;

  /** Cross-attention over {@code dim} channels in {@code heads} heads. */
  public CrossAttention(ParameterFactory factory, int dim, int heads) {
    if (dim % heads != 0) {
      throw new IllegalArgumentException("width " + dim + " is not divisible by " + heads + " heads");
    }
    this.dim = dim;
    this.heads = heads;
    this.q = child("q", new Linear(factory, dim, dim));
    this.kv = child("kv", new Linear(factory, dim, 2 * dim));
  }

  /**
   * Attends from {@code queries} {@code [B, Q, dim]} to {@code x} {@code [B, N, dim]}.
   *
   * @param keyPaddingMask {@code [B, N]}, true where a key must be ignored, or null
   * @return {@code [B, Q, dim]}
   */
  public NDArray forward(NDArray queries, NDArray x, NDArray keyPaddingMask) {
    long b = x.getShape().get(0);
    long n = x.getShape().get(1);
    long nq = queries.getShape().get(1);
    long headDim = dim / heads;
    NDArray query = q.forward(queries).reshape(b, nq, heads, headDim).transpose(0, 2, 1, 3);
    NDArray keysValues = kv.forward(x).reshape(b, n, 2, heads, headDim).transpose(2, 0, 3, 1, 4);
    NDArray keys = keysValues.get(0);
    NDArray values = keysValues.get(1);
    NDArray scale = Scalars.like(query, 1.0 / Math.sqrt(headDim));
    NDArray scores = query.mul(scale).matMul(keys.transpose(0, 1, 3, 2));
    if (keyPaddingMask != null) {
      scores =
          scores.add(keyPaddingMask.toType(DataType.FLOAT32, false).mul(MASKED_SCORE).reshape(b, 1, 1, n));
    }
    NDArray mixed = scores.softmax(-1).matMul(values); // [B, H, Q, hd]
    return mixed.transpose(0, 2, 1, 3).reshape(b, nq, dim);
  }
}
