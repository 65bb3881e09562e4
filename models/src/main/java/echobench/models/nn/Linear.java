package echobench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

/**
 * A fully connected layer {@code y = x·Wᵀ + b} over the last axis, with PyTorch's layout: {@code
 * weight} is {@code [out, in]}, {@code bias} is {@code [out]}. Weights start truncated-normal (std
 * 0.02 by default, as V-JEPA), biases at zero.
 */
public final class Linear extends Module {
  /** The initialisation standard deviation of V-JEPA's linear weights. */
  public static final double DEFAULT_INIT_STD = 0.02;

  private final int inFeatures;
  private final int outFeatures;
  private final NDArray weight;
  private final NDArray bias;

  /** A layer with bias and the default initialisation. */
  public Linear(ParameterFactory factory, int inFeatures, int outFeatures) {
    this(factory, inFeatures, outFeatures, true, DEFAULT_INIT_STD);
  }

  /**
   * A layer {@code inFeatures → outFeatures}; {@code bias} false omits the bias parameter; weights
   * are drawn truncated-normal with {@code initStd}.
   */
  public Linear(
      ParameterFactory factory, int inFeatures, int outFeatures, boolean bias, double initStd) {
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.weight =
        parameter("weight", factory.truncatedNormal(new Shape(outFeatures, inFeatures), initStd));
    this.bias = bias ? parameter("bias", factory.zeros(new Shape(outFeatures))) : null;
  }

  /** Applies the layer to {@code x} of shape {@code [..., in]}, giving {@code [..., out]}. */
  public NDArray forward(NDArray x) {
    return ai.djl.nn.core.Linear.linear(x, weight, bias).singletonOrThrow();
  }

  /** The {@code [out, in]} weight. */
  public NDArray weight() {
    return weight;
  }

  /** The input width. */
  public int inFeatures() {
    return inFeatures;
  }

  /** The output width. */
  public int outFeatures() {
    return outFeatures;
  }
}
