package echobench.models.probe;

import ai.djl.ndarray.NDArray;
import echobench.models.nn.Linear;
import echobench.models.nn.ParameterFactory;

/**
 * The linear probe's head: the mean of the row's tokens, then one linear layer ({@code linear}) to
 * the outputs. The linear probe feeds it one already pooled and standardised token per sample.
 */
public final class LinearHead extends ProbeHead {
  private final Linear linear;

  /** A freshly initialised head on tokens of width {@code dim}. */
  public LinearHead(ParameterFactory factory, ProbeTask task, int dim) {
    super(factory, task);
    this.linear = child("linear", new Linear(factory, dim, task.outputs()));
  }

  /** Mean-pools {@code tokens} {@code [B, N, D]} and maps them to {@code [B, outputs]}. */
  @Override
  public NDArray forward(NDArray tokens, NDArray keyPaddingMask) {
    if (keyPaddingMask != null) {
      throw new IllegalArgumentException("the linear head reads pooled features, not masked views");
    }
    return linear.forward(tokens.mean(new int[] {1}));
  }
}
