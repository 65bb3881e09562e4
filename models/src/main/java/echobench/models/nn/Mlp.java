package echobench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * The transformer feed-forward network {@code fc2(GELU(fc1(x)))} with the exact (erf) GELU, named
 * {@code fc1}/{@code fc2} as in timm and V-JEPA.
 */
public final class Mlp extends Module {
  private final Linear fc1;
  private final Linear fc2;

  /**
   * An MLP {@code dim → hidden → dim}; {@code outputInitStd} initialises {@code fc2} (V-JEPA divides
   * it by {@code sqrt(2·layer)}).
   */
  public Mlp(ParameterFactory factory, int dim, int hidden, double outputInitStd) {
    this.fc1 = child("fc1", new Linear(factory, dim, hidden));
    this.fc2 = child("fc2", new Linear(factory, hidden, dim, true, outputInitStd));
  }

  /** Applies the network to {@code [..., dim]}. */
  public NDArray forward(NDArray x) {
    return fc2.forward(Activation.gelu(fc1.forward(x)));
  }
}
