package echobench.harness.study;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import echobench.models.checkpoint.VJepaImporter;
import echobench.models.encoder.InputSpec;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.reports.io.Sha256;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * V-JEPA / EchoJEPA weights in a safetensors file, imported into the built-in ViT with the
 * explicit key map of {@link VJepaImporter}; its {@link ExportManifest} must agree with this entry
 * and with the SHA-256 of the file.
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
public record SafetensorsSource(
    @JsonProperty("file") String file,
    @JsonProperty("encoder") String encoder,
    @JsonProperty("key") String key,
    @JsonProperty("positions") String positions) implements ModelSource {

  /** The weights kind of a safetensors export in its manifest. */
  static final String WEIGHTS_KIND = "safetensors";

  /** Checks the values and fills the key. */
  public SafetensorsSource {
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

  @Override
  public StudyEncoder load(String model, EncoderLoader loader, NDManager manager) {
    Path weights = loader.file(model, file);
    InputSpec spec = loader.builtInInput();
    String digest = Sha256.hexOfFile(weights);
    ExportManifest manifest = ExportManifest.read(weights, WEIGHTS_KIND, digest);
    manifest.requireInput(weights, spec);
    VJepaImporter.Imported imported =
        VJepaImporter.importEncoder(weights, architecture(), section(key), posEmbed(), manager);
    VisionTransformer vit = imported.encoder();
    loader.recordImport(model, imported.report());
    try {
      manifest.requireOutput(weights,
          vit.config().grid(spec.frames(), spec.height(), spec.width()).size(), vit.embedDim());
    } catch (RuntimeException e) {
      vit.close();
      throw e;
    }
    return loader.builtIn(model, Fingerprint.of("safetensors").addJson(this).add(digest), vit,
        Map.of(weights.toString(), digest));
  }

  /** The named ViT with the declared positions (rotary when undeclared). */
  private VitConfig architecture() {
    VitConfig named = VitConfig.named(encoder);
    return positions == null ? named : named.withPositions(positionKind(positions));
  }

  /** What the import does with a {@code pos_embed} a rotary ViT does not use. */
  private VJepaImporter.PosEmbed posEmbed() {
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

  private static VJepaImporter.Section section(String key) {
    return Arrays.stream(VJepaImporter.Section.values())
        .filter(s -> s.key().equals(key.toLowerCase(Locale.ROOT)))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException(
            "safetensors key must be target_encoder or encoder, not " + key));
  }
}
