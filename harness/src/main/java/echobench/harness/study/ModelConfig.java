package echobench.harness.study;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.stream.Stream;

/**
 * One encoder of a study: its name in the tables and exactly one source of weights.
 *
 * @param name the encoder's name ({@code <name>/<probe>} in the tables); no slash
 * @param pretrain a pretraining config ({@code configs/pretrain/*.yaml}) run before the study and
 *     cached by its hash
 * @param checkpoint a checkpoint folder, or {@code zoo:<name>} for an entry of the {@link ModelZoo}
 * @param randomInit a freshly initialised ViT
 * @param torchscript an exported TorchScript encoder
 * @param safetensors V-JEPA / EchoJEPA weights to import
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ModelConfig(
    @JsonProperty("name") String name,
    @JsonProperty("pretrain") String pretrain,
    @JsonProperty("checkpoint") String checkpoint,
    @JsonProperty("random_init") RandomInitConfig randomInit,
    @JsonProperty("torchscript") TorchScriptConfig torchscript,
    @JsonProperty("safetensors") SafetensorsConfig safetensors) {

  /** Checks the name and that exactly one source is given. */
  public ModelConfig {
    if (name == null || name.isBlank() || name.contains("/") || name.contains(",")) {
      throw new IllegalArgumentException(
          "every model needs a name without '/' or ',', not " + name);
    }
    long sources = Stream.of(pretrain, checkpoint, randomInit, torchscript, safetensors)
        .filter(s -> s != null)
        .count();
    if (sources != 1) {
      throw new IllegalArgumentException("model " + name + " needs exactly one of pretrain,"
          + " checkpoint, random_init, torchscript, safetensors (found " + sources + ")");
    }
  }
}
