package echobench.harness.study;

import echobench.models.probe.ProbeTraining;
import java.util.List;

/**
 * The grid-training keys the attentive and linear probes share ({@code epochs}, {@code batch},
 * {@code lr}, {@code wd}): their defaults (EchoJEPA's protocol), bounds and the training they make.
 */
final class ProbeGrid {
  /** Most epochs. */
  static final int MAX_EPOCHS = 10_000;
  /** Largest mini-batch. */
  static final int MAX_BATCH = 4096;

  private static final int EPOCHS = 20;
  private static final int BATCH = 16;
  private static final double VIEW_DROPOUT = 0.1;

  private ProbeGrid() {}

  /** {@code epochs} checked, the default when absent. */
  static int epochs(Integer epochs) {
    int value = epochs == null ? EPOCHS : epochs;
    ProbeSpec.atMost("epochs", value, MAX_EPOCHS);
    return value;
  }

  /** {@code batch} checked, the default when absent. */
  static int batch(Integer batch) {
    int value = batch == null ? BATCH : batch;
    ProbeSpec.atMost("batch", value, MAX_BATCH);
    return value;
  }

  /** The learning rates, the default grid when absent. */
  static List<Double> lr(List<Double> lr) {
    return lr == null ? ProbeTraining.ECHOJEPA_LEARNING_RATES : List.copyOf(lr);
  }

  /** The weight decays, the default grid when absent. */
  static List<Double> wd(List<Double> wd) {
    return wd == null ? ProbeTraining.ECHOJEPA_WEIGHT_DECAYS : List.copyOf(wd);
  }

  /**
   * The grid training with {@code seed}.
   *
   * @throws IllegalArgumentException for a value out of range
   */
  static ProbeTraining training(int epochs, int batch, List<Double> lr, List<Double> wd,
      long seed) {
    return new ProbeTraining(epochs, batch, lr, wd, VIEW_DROPOUT, seed);
  }
}
