package echobench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.Collection;

/**
 * Operations on the accumulated gradients of a set of parameters. DJL's gradient collector never
 * zeroes gradients, so every training loop must call {@link #zero} (the optimiser does) after an
 * update. Each call manages its own temporaries.
 */
public final class Gradients {
  private Gradients() {}

  /** The L2 norm of all gradients taken together. */
  @SuppressWarnings("try") // the scope only owns what the step creates
  public static double globalNorm(Collection<NDArray> parameters) {
    if (parameters.isEmpty()) {
      return 0.0;
    }
    NDArray first = parameters.iterator().next();
    try (StepScope scope = StepScope.open(first.getManager(), parameters)) {
      NDList squares = new NDList(parameters.size());
      for (NDArray p : parameters) {
        squares.add(p.getGradient().square().sum());
      }
      return Math.sqrt(NDArrays.stack(squares).sum().getFloat());
    }
  }

  /**
   * Scales all gradients together so that their global norm is at most {@code maxNorm}, as
   * PyTorch's {@code clip_grad_norm_}.
   *
   * @return the global norm before clipping
   */
  @SuppressWarnings("try") // the scope only owns what the step creates
  public static double clipByGlobalNorm(Collection<NDArray> parameters, double maxNorm) {
    double norm = globalNorm(parameters);
    double factor = maxNorm / (norm + 1e-6);
    if (factor < 1.0) {
      NDArray first = parameters.iterator().next();
      try (StepScope scope = StepScope.open(first.getManager(), parameters)) {
        for (NDArray p : parameters) {
          p.getGradient().muli(factor);
        }
      }
    }
    return norm;
  }

  /** Sets every gradient to zero in place. */
  @SuppressWarnings("try") // the scope only owns what the step creates
  public static void zero(Collection<NDArray> parameters) {
    if (parameters.isEmpty()) {
      return;
    }
    NDArray first = parameters.iterator().next();
    try (StepScope scope = StepScope.open(first.getManager(), parameters)) {
      for (NDArray p : parameters) {
        p.getGradient().set(new NDIndex("..."), 0f);
      }
    }
  }
}
