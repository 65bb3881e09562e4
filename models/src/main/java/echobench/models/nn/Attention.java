package echobench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Multi-head self-attention with a fused {@code qkv} projection (with bias) and an output {@code
 * proj}, as in V-JEPA: {@code softmax(q·kᵀ/√d)·v} per head.
 *
 * <p>Two optional inputs: a {@link TokenRotation} applied to queries and keys (rotary positions), and
 * a key-padding mask {@code [B, N]} whose {@code true}/non-zero entries mark tokens that no query may
 * attend to (absent views in a multi-view probe).
 */
public final class Attention extends Module {
  /** The additive score given to masked keys. */
  private static final float MASKED_SCORE = -1e9f;

  private final int dim;
  private final int heads;
  private final Linear qkv;
  private final Linear proj;

  /**
   * Attention over {@code dim} channels split into {@code heads} heads; {@code projInitStd}
   * initialises the output projection.
   */
  public Attention(ParameterFactory factory, int dim, int heads, double projInitStd) {
    if (dim % heads != 0) {
      throw new IllegalArgumentException("width " + dim + " is not divisible by " + heads + " heads");
    }
    this.dim = dim;
    this.heads = heads;
    this.qkv = child("qkv", new Linear(factory, dim, 3 * dim));
    this.proj = child("proj", new Linear(factory, dim, dim, true, projInitStd));
  }

  /** Plain self-attention over {@code x} of shape {@code [B, N, dim]}. */
  public NDArray forward(NDArray x) {
    return forward(x, null, null);
  }

  /**
   * Self-attention over {@code x} {@code [B, N, dim]}.
   *
   * @param rotation applied to queries and keys, or null
   * @param keyPaddingMask {@code [B, N]}, true (or 1) where a key must be ignored, or null
   * @return {@code [B, N, dim]}
   */
  public NDArray forward(NDArray x, TokenRotation rotation, NDArray keyPaddingMask) {
    long b = x.getShape().get(0);
    long n = x.getShape().get(1);
    long headDim = dim / heads;
    // [B, N, 3D] → [3, B, H, N, hd]
    NDArray split = qkv.forward(x).reshape(b, n, 3, heads, headDim).transpose(2, 0, 3, 1, 4);
    NDArray q = split.get(0);
    NDArray k = split.get(1);
    NDArray v = split.get(2);
    if (rotation != null) {
      q = rotation.rotate(q);
      k = rotation.rotate(k);
    }
    NDArray scale = Scalars.like(q, 1.0 / Math.sqrt(headDim));
    NDArray scores = q.mul(scale).matMul(k.transpose(0, 1, 3, 2));
    if (keyPaddingMask != null) {
      NDArray bias =
          keyPaddingMask.toType(DataType.FLOAT32, false).mul(MASKED_SCORE).reshape(new Shape(b, 1, 1, n));
      scores = scores.add(bias);
    }
    NDArray mixed = scores.softmax(-1).matMul(v); // [B, H, N, hd]
    return proj.forward(mixed.transpose(0, 2, 1, 3).reshape(b, n, dim));
  }

  /** The model width. */
  public int dim() {
    return dim;
  }

  /** The number of heads. */
  public int heads() {
    return heads;
  }
}
