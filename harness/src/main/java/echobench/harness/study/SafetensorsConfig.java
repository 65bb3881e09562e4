package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param positions {@code rope} (V-JEPA 2, EchoJEPA; a {@code pos_embed} in the file is then
 *     ignored and reported) or {@code sincos} (V-JEPA 1, VideoMAE: the file's {@code pos_embed} is
 *     used); when absent the weights are taken as rotary and a file with {@code pos_embed} is refused
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SafetensorsConfig(
    @JsonProperty("file") String file,
    @JsonProperty("encoder") String encoder,
    @JsonProperty("key") String key,
    @JsonProperty("positions") String positions) {

  /** Checks the values and fills the key. */
  public SafetensorsConfig {
    if (file == null || encoder == null) {
      throw new IllegalArgumentException("safetensors needs file and encoder");
    }
    VitConfig.named(encoder);
    key = key == null ? VJepaImporter.Section.TARGET_ENCODER.key() : key;
    section(key);
    if (positions != null) {
      positionKind(positions);
    }
  }

  /** The named ViT with the declared positions (rotary when undeclared). */
  VitConfig architecture() {
    VitConfig named = VitConfig.named(encoder);
    return positions == null ? named : named.withPositions(positionKind(positions));
  }

  /** What the import does with a {@code pos_embed} a rotary ViT does not use. */
  VJepaImporter.PosEmbed posEmbed() {
    return positions == null ? VJepaImporter.PosEmbed.REFUSE : VJepaImporter.PosEmbed.IGNORE;
  }

  private static VitConfig.Positions positionKind(String positions) {
    return switch (positions.toLowerCase(Locale.ROOT)) {
      case "rope" -> VitConfig.Positions.ROPE;
      case "sincos" -> VitConfig.Positions.SINCOS;
      default -> throw new IllegalArgumentException(
          "safetensors positions must be rope or sincos, not " + positions);
    };
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
