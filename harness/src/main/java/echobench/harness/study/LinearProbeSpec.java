package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.models.probe.FeatureSource;
import echobench.models.probe.LinearProbe;
import echobench.models.probe.Probe;
import echobench.models.probe.ProbeTraining;
import java.util.List;

/**
 * A linear probe on mean-pooled tokens ({@code kind: linear}).
 *
 * @param name its name in the tables (default linear)
 * @param epochs passes over the training split (default 20)
 * @param batch rows per mini-batch (default 16)
 * @param lr the grid's learning rates (default 1e-4, 5e-5)
 * @param wd the grid's weight decays (default 0.01, 0.1, 0.4)
 */
public record LinearProbeSpec(String name, Integer epochs, Integer batch, List<Double> lr,
    List<Double> wd) implements ProbeSpec {

  /** Checks the keys and fills the defaults. */
  public LinearProbeSpec {
    name = ProbeSpec.name(name, LinearProbeSpec.class);
    epochs = ProbeGrid.epochs(epochs);
    batch = ProbeGrid.batch(batch);
    lr = ProbeGrid.lr(lr);
    wd = ProbeGrid.wd(wd);
    ProbeGrid.training(epochs, batch, lr, wd, 0);
  }

  /** Reads the entry; {@code kind} was matched by the registry and is listed to keep key order. */
  @JsonCreator
  LinearProbeSpec(@JsonProperty("kind") String kind, @JsonProperty("name") String name,
      @JsonProperty("epochs") Integer epochs, @JsonProperty("batch") Integer batch,
      @JsonProperty("lr") List<Double> lr, @JsonProperty("wd") List<Double> wd) {
    this(name, epochs, batch, lr, wd);
  }

  @Override
  public Probe fit(FeatureSource fit, FeatureSource val, long seed, NDManager manager,
      StudyProgress progress, String model) {
    ProbeTraining training = ProbeGrid.training(epochs, batch, lr, wd, seed);
    try (StudyProgress.Bar bar = progress.epochs(model, training.epochs())) {
      return LinearProbe.train(fit, val, training, manager, progress.listener(bar));
    }
  }

  @Override
  public MemoryPreflight.ProbeShape batchShape() {
    return new MemoryPreflight.ProbeShape(batch, 0, 0);
  }
}
