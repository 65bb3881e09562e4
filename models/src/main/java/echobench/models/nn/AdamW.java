package echobench.models.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (decoupled weight decay) updating parameters in place, as PyTorch's {@code torch.optim.AdamW}.
 *
 * <p>As in V-JEPA, biases and 1-D parameters (norm scales and shifts) are not decayed; every other
 * parameter is. After each update the gradients are zeroed. The moment estimates live in a manager
 * of their own, closed by {@link #close()}; {@link #state()} exposes them by name for checkpoints.
 * Construct the optimiser outside any {@link StepScope}.
 */
public final class AdamW implements AutoCloseable {
  /** PyTorch's and V-JEPA's default first-moment decay. */
  public static final double DEFAULT_BETA1 = 0.9;

  /** PyTorch's and V-JEPA's default second-moment decay. */
  public static final double DEFAULT_BETA2 = 0.999;

  /** PyTorch's default denominator epsilon. */
  public static final double DEFAULT_EPS = 1e-8;

  private static final String FIRST_MOMENT = "exp_avg.";
  private static final String SECOND_MOMENT = "exp_avg_sq.";

  private final Map<String, NDArray> parameters;
  private final Map<String, NDArray> firstMoments = new LinkedHashMap<>();
  private final Map<String, NDArray> secondMoments = new LinkedHashMap<>();
  private final NDManager stateManager;
  private final double beta1;
  private final double beta2;
  private final double eps;
  private double weightDecay;
  private long steps;

  /** An optimiser with PyTorch's default betas and epsilon. */
  public AdamW(Map<String, NDArray> parameters, double weightDecay) {
    this(parameters, DEFAULT_BETA1, DEFAULT_BETA2, DEFAULT_EPS, weightDecay);
  }

  /** An optimiser over the named {@code parameters} (all must require gradients). */
  public AdamW(
      Map<String, NDArray> parameters, double beta1, double beta2, double eps, double weightDecay) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException("nothing to optimise");
    }
    this.parameters = new LinkedHashMap<>(parameters);
    this.beta1 = beta1;
    this.beta2 = beta2;
    this.eps = eps;
    this.weightDecay = weightDecay;
    this.stateManager = parameters.values().iterator().next().getManager().newSubManager();
    parameters.forEach(
        (name, p) -> {
          firstMoments.put(name, stateManager.zeros(p.getShape(), p.getDataType()));
          secondMoments.put(name, stateManager.zeros(p.getShape(), p.getDataType()));
        });
  }

  /** Whether {@code name} is decayed: not a bias and not 1-D. */
  public static boolean isDecayed(String name, NDArray parameter) {
    return !name.endsWith("bias") && parameter.getShape().dimension() != 1;
  }

  /** Changes the decoupled weight decay used from the next step on (for a schedule). */
  public void setWeightDecay(double weightDecay) {
    this.weightDecay = weightDecay;
  }

  /** Applies one update with learning rate {@code lr} from the accumulated gradients, then zeroes them. */
  @SuppressWarnings("try") // the scope only owns what the step creates
  public void step(double lr) {
    steps++;
    double correction1 = 1 - Math.pow(beta1, steps);
    double correction2Sqrt = Math.sqrt(1 - Math.pow(beta2, steps));
    NDManager anchor = parameters.values().iterator().next().getManager();
    try (StepScope scope = StepScope.open(anchor, parameters.values(), stateArrays())) {
      for (Map.Entry<String, NDArray> e : parameters.entrySet()) {
        NDArray p = e.getValue();
        NDArray g = p.getGradient();
        NDArray m = firstMoments.get(e.getKey());
        NDArray v = secondMoments.get(e.getKey());
        if (weightDecay != 0 && isDecayed(e.getKey(), p)) {
          p.muli(1 - lr * weightDecay);
        }
        m.muli(beta1).addi(g.mul(1 - beta1));
        v.muli(beta2).addi(g.square().muli(1 - beta2));
        NDArray denominator = v.sqrt().divi(correction2Sqrt).addi(eps);
        p.subi(m.div(denominator).muli(lr / correction1));
      }
    }
    Gradients.zero(parameters.values());
  }

  /** The number of updates applied so far (PyTorch's per-parameter {@code step}). */
  public long stepCount() {
    return steps;
  }

  /** The moment estimates by name: {@code exp_avg.<param>} and {@code exp_avg_sq.<param>}. */
  public Map<String, NDArray> state() {
    Map<String, NDArray> state = new LinkedHashMap<>();
    firstMoments.forEach((name, a) -> state.put(FIRST_MOMENT + name, a));
    secondMoments.forEach((name, a) -> state.put(SECOND_MOMENT + name, a));
    return state;
  }

  /**
   * Restores moment estimates saved by {@link #state()} and the step count (resuming a run).
   *
   * @throws IllegalArgumentException when a moment is missing or has the wrong shape
   */
  public void loadState(Map<String, NDArray> state, long stepCount) {
    for (Map.Entry<String, NDArray> e : state().entrySet()) {
      NDArray saved = state.get(e.getKey());
      if (saved == null || !saved.getShape().equals(e.getValue().getShape())) {
        throw new IllegalArgumentException("optimiser state lacks or misshapes " + e.getKey());
      }
      Module.overwrite(e.getValue(), saved);
    }
    this.steps = stepCount;
  }

  /** The moment arrays (to attach to a {@link StepScope} alongside the parameters). */
  public List<NDArray> stateArrays() {
    List<NDArray> arrays = new ArrayList<>(firstMoments.values());
    arrays.addAll(secondMoments.values());
    return arrays;
  }

  /** The optimised parameters. */
  public Collection<NDArray> parameters() {
    return parameters.values();
  }

  /** Frees the moment estimates. */
  @Override
  public void close() {
    stateManager.close();
  }
}
