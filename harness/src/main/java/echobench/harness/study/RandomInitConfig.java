package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.models.encoder.VitConfig;

/**
 * A built-in ViT with freshly initialised weights: the floor every pretrained encoder must beat.
 *
 * @param encoder the ViT size ({@link VitConfig#SIZES})
 * @param seed the initialisation seed (default 0)
 */
public record RandomInitConfig(
    @JsonProperty("encoder") String encoder, @JsonProperty("seed") Long seed) {

  /** Checks the size and fills the seed. */
  public RandomInitConfig {
    if (encoder == null) {
      throw new IllegalArgumentException("random_init needs an encoder size " + VitConfig.SIZES);
    }
    VitConfig.named(encoder);
    seed = seed == null ? 0L : seed;
  }
}
