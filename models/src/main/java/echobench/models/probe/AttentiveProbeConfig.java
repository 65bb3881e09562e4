package echobench.models.probe;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The shape of an attentive probe (its width is the encoder's token width).
 *
 * @param depth blocks in the pooler: {@code depth − 1} self-attention blocks over the tokens, then
 *     one cross-attention block with a single learnable query
 * @param heads attention heads per block
 * @param mlpRatio MLP hidden width as a multiple of the token width
 */
public record AttentiveProbeConfig(
    @JsonProperty("depth") int depth,
    @JsonProperty("heads") int heads,
    @JsonProperty("mlp_ratio") double mlpRatio) {

  public AttentiveProbeConfig {
    if (depth < 1 || heads < 1 || !(mlpRatio > 0)) {
      throw new IllegalArgumentException(
          "attentive probe needs depth >= 1, heads >= 1 and mlp_ratio > 0");
    }
  }

  /** EchoJEPA's and V-JEPA 2's probe: depth 4, 16 heads, MLP ratio 4. */
  public static AttentiveProbeConfig echoJepa() {
    return new AttentiveProbeConfig(4, 16, 4.0);
  }

  /** The MLP hidden width for tokens of width {@code dim}. */
  public int mlpHidden(int dim) {
    return (int) Math.round(dim * mlpRatio);
  }

  /**
   * Checks that {@code dim} splits into this config's heads.
   *
   * @throws IllegalArgumentException otherwise
   */
  public void checkWidth(int dim) {
    if (dim % heads != 0) {
      throw new IllegalArgumentException(
          "token width " + dim + " is not divisible by the probe's " + heads + " heads");
    }
  }
}
