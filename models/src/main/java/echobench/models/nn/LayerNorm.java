package echobench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Layer normalisation over the last axis, {@code (x − mean) / sqrt(var + eps)}, optionally followed
 * by a learnable per-channel scale ({@code weight}, starting at 1) and shift ({@code bias}, starting
 * at 0). The non-affine form has no parameters: it is the JEPA target normalisation. {@code eps} is
 * V-JEPA's 1e-6.
 */
public final class LayerNorm extends Module {
  /** V-JEPA's epsilon. */
  public static final float EPS = 1e-6f;

  private final int dim;
  private final NDArray weight;
  private final NDArray bias;

  /** An affine layer norm over {@code dim} channels. */
  public LayerNorm(ParameterFactory factory, int dim) {
    this.dim = dim;
    this.weight = parameter("weight", factory.ones(new Shape(dim)));
    this.bias = parameter("bias", factory.zeros(new Shape(dim)));
  }

  /** Applies the affine normalisation to {@code x} of shape {@code [..., dim]}. */
  public NDArray forward(NDArray x) {
    return ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(dim), weight, bias, EPS)
        .singletonOrThrow();
  }

  /**
   * Normalises {@code x} over its last axis without any learnable parameters (F.layer_norm without
   * weight and bias).
   */
  public static NDArray withoutAffine(NDArray x) {
    long d = x.getShape().get(x.getShape().dimension() - 1);
    NDManager m = x.getManager();
    try (NDArray ones = m.ones(new Shape(d), x.getDataType());
        NDArray zeros = m.zeros(new Shape(d), x.getDataType())) {
      return ai.djl.nn.norm.LayerNorm.layerNorm(x, new Shape(d), ones, zeros, EPS)
          .singletonOrThrow();
    }
  }
}
