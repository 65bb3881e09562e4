package echobench.models.pretrain;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import echobench.models.encoder.VisionTransformer;
import java.util.Map;

/**
 * A self-supervised objective that trains a {@link VisionTransformer} one batch at a time; it owns
 * its networks, optimiser and their memory, released by {@link #close()}.
 */
public interface Pretrainer extends AutoCloseable {
  /**
   * Runs optimisation step {@code step} (0-based) on {@code clips} {@code [B, 3, T, H, W]}
   * normalised by the encoder's input spec. Masks and schedules depend only on the config and step.
   */
  StepOutcome step(NDArray clips, long step);

  /** The encoder a downstream user gets: the EMA target for JEPA, the encoder for MAE. */
  VisionTransformer exportedEncoder();

  /**
   * Everything needed to resume: every network's parameters and the optimiser moments, by
   * prefixed name ({@code encoder.}, {@code target_encoder.}, {@code predictor.}, {@code decoder.},
   * {@code optimiser.}). The arrays are live, not copies.
   */
  Map<String, NDArray> trainingState();

  /** Restores a state saved from {@link #trainingState()} after {@code completedSteps} steps. */
  void restore(Map<String, NDArray> state, long completedSteps);

  /** Releases every array. */
  @Override
  void close();

  /** The pretrainer for {@code config.objective()} with parameters on {@code device}. */
  static Pretrainer create(PretrainConfig config, Device device) {
    return config.objective().equals(PretrainConfig.JEPA)
        ? new JepaPretrainer(config, device)
        : new MaePretrainer(config, device);
  }
}
