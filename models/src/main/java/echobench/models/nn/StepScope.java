package echobench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDResource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The memory discipline of one training or inference step.
 *
 * <p>In DJL an operation's result joins the manager of its first operand, so {@code weight.mul(x)}
 * would leak into the long-lived parameter manager and memory would grow step after step. A scope
 * opens a fresh sub-manager and temporarily attaches the long-lived arrays (parameters, optimiser
 * state, EMA weights) to it: every intermediate created during the step, whichever operand comes
 * first, is then owned by the scope and freed when it closes, while the long-lived arrays go back to
 * their own managers untouched.
 *
 * <p>The pattern of a training step:
 *
 * <pre>{@code
 * try (StepScope scope = StepScope.open(parameterManager, model.parameterArrays())) {
 *   NDArray batch = scope.manager().create(data, shape);
 *   try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
 *     collector.backward(loss(model.forward(batch)));
 *   }                                        // gradient recording ends here
 *   Gradients.clipByGlobalNorm(model.parameterArrays(), 1.0);
 *   optimiser.step(lr);                      // in-place update, then gradients zeroed
 *   float value = loss.getFloat();           // copy out what must outlive the scope
 * }                                          // every intermediate freed
 * }</pre>
 *
 * Arrays to keep (a result handed to a caller) must be copied out as Java values or attached to
 * another manager before the scope closes. Scopes nest.
 */
public final class StepScope implements AutoCloseable {
  private final NDManager manager;

  private StepScope(NDManager manager) {
    this.manager = manager;
  }

  /**
   * Opens a scope under {@code parent} with the given long-lived arrays temporarily attached to it.
   */
  @SafeVarargs
  public static StepScope open(NDManager parent, Collection<? extends NDArray>... longLived) {
    NDManager manager = parent.newSubManager();
    List<NDResource> attached = new ArrayList<>();
    for (Collection<? extends NDArray> group : longLived) {
      attached.addAll(group);
    }
    if (!attached.isEmpty()) {
      manager.tempAttachAll(attached.toArray(new NDResource[0]));
    }
    return new StepScope(manager);
  }

  /** The manager owning this step's intermediates; create the step's inputs in it. */
  public NDManager manager() {
    return manager;
  }

  /** Frees every intermediate and returns the attached arrays to their own managers. */
  @Override
  public void close() {
    manager.close();
  }
}
