package echobench.models.pretrain;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The size of the narrow network beside the encoder: the JEPA predictor or the MAE decoder.
 *
 * @param width token width ({@code width/heads} must be even: it carries rotary positions)
 * @param depth transformer blocks
 * @param heads attention heads
 */
public record PredictorSpec(
    @JsonProperty("width") int width, @JsonProperty("depth") int depth, @JsonProperty("heads") int heads) {
  /** Validates the size. */
  public PredictorSpec {
    if (width <= 0 || depth <= 0 || heads <= 0 || width % heads != 0 || (width / heads) % 2 != 0) {
      throw new IllegalArgumentException(
          "predictor width " + width + " must split into " + heads + " heads of even width, depth "
              + depth + " positive");
    }
  }
}
