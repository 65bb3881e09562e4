package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.models.probe.AttentiveProbe;
import echobench.models.probe.AttentiveProbeConfig;
import echobench.models.probe.FeatureSource;
import echobench.models.probe.Probe;
import echobench.models.probe.ProbeTraining;
import java.util.List;
import java.util.Optional;

/**
 * EchoJEPA's attentive probe ({@code kind: attentive}): self-attention blocks, then a
 * cross-attention from a learned query, over the encoder's tokens.
 *
 * @param name its name in the tables (default attentive)
 * @param epochs passes over the training split (default 20)
 * @param batch rows per mini-batch (default 16)
 * @param lr the grid's learning rates (default 1e-4, 5e-5)
 * @param wd the grid's weight decays (default 0.01, 0.1, 0.4)
 * @param depth blocks: depth − 1 self-attention blocks then the cross-attention (default 4)
 * @param heads attention heads per block (default 16; must divide the token width)
 */
public record AttentiveProbeSpec(String name, Integer epochs, Integer batch, List<Double> lr,
    List<Double> wd, Integer depth, Integer heads) implements ProbeSpec {

  /** Most blocks. */
  public static final int MAX_DEPTH = 32;
  /** Most attention heads. */
  public static final int MAX_HEADS = 256;

  /** Checks the keys and fills the defaults. */
  public AttentiveProbeSpec {
    name = ProbeSpec.name(name, AttentiveProbeSpec.class);
    epochs = ProbeGrid.epochs(epochs);
    batch = ProbeGrid.batch(batch);
    lr = ProbeGrid.lr(lr);
    wd = ProbeGrid.wd(wd);
    ProbeGrid.training(epochs, batch, lr, wd, 0);
    AttentiveProbeConfig defaults = AttentiveProbeConfig.echoJepa();
    depth = depth == null ? defaults.depth() : depth;
    heads = heads == null ? defaults.heads() : heads;
    ProbeSpec.atMost("depth", depth, MAX_DEPTH);
    ProbeSpec.atMost("heads", heads, MAX_HEADS);
    new AttentiveProbeConfig(depth, heads, defaults.mlpRatio());
  }

  /** Reads the entry; {@code kind} was matched by the registry and is listed to keep key order. */
  @JsonCreator
  AttentiveProbeSpec(@JsonProperty("kind") String kind, @JsonProperty("name") String name,
      @JsonProperty("epochs") Integer epochs, @JsonProperty("batch") Integer batch,
      @JsonProperty("lr") List<Double> lr, @JsonProperty("wd") List<Double> wd,
      @JsonProperty("depth") Integer depth, @JsonProperty("heads") Integer heads) {
    this(name, epochs, batch, lr, wd, depth, heads);
  }

  @Override
  public Optional<String> misfit(int width) {
    return width % heads == 0 ? Optional.empty()
        : Optional.of("heads " + heads + " do not divide the token width " + width);
  }

  @Override
  public Probe fit(FeatureSource fit, FeatureSource val, long seed, NDManager manager,
      StudyProgress progress, String model) {
    ProbeTraining training = ProbeGrid.training(epochs, batch, lr, wd, seed);
    AttentiveProbeConfig shape =
        new AttentiveProbeConfig(depth, heads, AttentiveProbeConfig.echoJepa().mlpRatio());
    try (StudyProgress.Bar bar = progress.epochs(model, training.epochs())) {
      return AttentiveProbe.train(fit, val, shape, training, manager, progress.listener(bar));
    }
  }

  @Override
  public MemoryPreflight.ProbeShape batchShape() {
    return new MemoryPreflight.ProbeShape(batch, depth, heads);
  }
}
