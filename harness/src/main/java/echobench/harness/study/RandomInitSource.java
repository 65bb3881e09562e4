package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.models.nn.ParameterFactory;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A built-in ViT with freshly initialised weights ({@code random_init: {encoder: tiny}}): the
 * floor every pretrained encoder must beat.
 *
 * @param encoder the ViT size ({@link VitConfig#SIZES})
 * @param seed the initialisation seed (default 0)
 */
public record RandomInitSource(
    @JsonProperty("encoder") String encoder, @JsonProperty("seed") Long seed)
    implements ModelSource {

  /** Checks the size and fills the seed. */
  public RandomInitSource {
    if (encoder == null) {
      throw new IllegalArgumentException("random_init needs an encoder size " + VitConfig.SIZES);
    }
    VitConfig.named(encoder);
    seed = seed == null ? 0L : seed;
  }

  @Override
  public StudyEncoder load(String model, EncoderLoader loader, NDManager manager) {
    VisionTransformer vit =
        new VisionTransformer(new ParameterFactory(manager, seed), VitConfig.named(encoder));
    return loader.builtIn(model, Fingerprint.of("random-init").addJson(this), vit, Map.of());
  }

  @Override
  public OptionalInt tokenWidth() {
    return OptionalInt.of(VitConfig.named(encoder).embedDim());
  }
}
