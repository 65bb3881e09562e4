package echobench.models.probe;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One head's optimiser setting in the probe grid.
 *
 * @param learningRate AdamW's peak learning rate (cosine-decayed to zero)
 * @param weightDecay AdamW's decoupled weight decay
 */
public record GridPoint(
    @JsonProperty("lr") double learningRate, @JsonProperty("wd") double weightDecay) {

  public GridPoint {
    if (!(learningRate > 0) || !(weightDecay >= 0)) {
      throw new IllegalArgumentException(
          "grid point needs lr > 0 and wd >= 0, not lr=" + learningRate + " wd=" + weightDecay);
    }
  }
}
