package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.models.checkpoint.VJepaImporter;
import echobench.models.encoder.VitConfig;
import java.util.Arrays;
import java.util.Locale;

/**
 * V-JEPA / EchoJEPA weights in a safetensors file, imported into the built-in ViT with the
 * explicit key map of {@link VJepaImporter}.
 *
 * @param file the {@code .safetensors} file, relative to the config's folder
 * @param encoder the ViT size the weights are for ({@link VitConfig#SIZES})
 * @param key which encoder of a pretraining checkpoint to take: {@code target_encoder} (default)
 *     or {@code encoder}
 */
public record SafetensorsConfig(
    @JsonProperty("file") String file,
    @JsonProperty("encoder") String encoder,
    @JsonProperty("key") String key) {

  /** Checks the values and fills the key. */
  public SafetensorsConfig {
    if (file == null || encoder == null) {
      throw new IllegalArgumentException("safetensors needs file and encoder");
    }
    VitConfig.named(encoder);
    key = key == null ? VJepaImporter.Section.TARGET_ENCODER.key() : key;
    section(key);
  }

  /** The checkpoint section {@code key} names. */
  VJepaImporter.Section section() {
    return section(key);
  }

  private static VJepaImporter.Section section(String key) {
    return Arrays.stream(VJepaImporter.Section.values())
        .filter(s -> s.key().equals(key.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "safetensors key must be target_encoder or encoder, not " + key));
  }
}
