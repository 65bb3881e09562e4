package echobench.models.probe;

import ai.djl.ndarray.NDArray;
import echobench.models.nn.Linear;
import echobench.models.nn.ParameterFactory;

/**
 * The attentive probe's trainable head: for a multi-view layout the {@link MultiViewInput}
 * embeddings ({@code slots.*}), then the {@link AttentivePooler} ({@code pooler.*}), then one linear
 * layer to the outputs, named as in EchoJEPA: {@code regressor} for regression, {@code linear} for
 * classification.
 */
public final class AttentiveHead extends ProbeHead {
  private final MultiViewInput slots;
  private final AttentivePooler pooler;
  private final Linear output;

  /** A freshly initialised head for features of {@code layout}. */
  public AttentiveHead(
      ParameterFactory factory, ProbeTask task, FeatureLayout layout, AttentiveProbeConfig config) {
    super(factory, task);
    int dim = layout.dim();
    this.slots = layout.views() > 1 ? child("slots", new MultiViewInput(factory, layout)) : null;
    this.pooler = child("pooler", new AttentivePooler(factory, dim, config));
    this.output =
        child(task.isRegression() ? "regressor" : "linear", new Linear(factory, dim, task.outputs()));
  }

  @Override
  public NDArray forward(NDArray tokens, NDArray keyPaddingMask) {
    NDArray x = slots == null ? tokens : slots.embed(tokens);
    return output.forward(pooler.forward(x, keyPaddingMask));
  }
}
