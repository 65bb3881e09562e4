package echobench.models.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import echobench.reports.io.StrictYaml;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PretrainConfigTest {
  private static final ObjectMapper YAML = StrictYaml.mapper();
  private static final Path CONFIGS = Path.of("..", "configs", "pretrain");

  private static PretrainConfig read(String name) throws IOException {
    return YAML.readValue(CONFIGS.resolve(name).toFile(), PretrainConfig.class);
  }

  @Test
  void theShippedConfigsParse() throws IOException {
    PretrainConfig jepa = read("jepa-smoke.yaml");
    PretrainConfig mae = read("mae-smoke.yaml");
    assertThat(jepa.masks()).isEqualTo(MaskSpec.VJEPA);
    assertThat(mae.objective()).isEqualTo("mae");
    assertThat(mae.encoderConfig()).isEqualTo(jepa.encoderConfig());
    assertThat(mae.steps()).isEqualTo(jepa.steps());
    PretrainConfig small = read("jepa-small.yaml");
    assertThat(small.encoderConfig().embedDim()).isEqualTo(384);
    assertThat(small.crop()).isEqualTo(RandomResizedCrop.ECHOJEPA);
  }

  @Test
  void absentOptionalKeysTakeDefaultsAndTheHashFollowsTheContent() throws IOException {
    String minimal =
        "objective: jepa\nencoder: tiny\npredictor: {width: 96, depth: 2, heads: 3}\n"
            + "batch_size: 4\nsteps: 100\nlr: 0.001\n";
    PretrainConfig c = YAML.readValue(minimal, PretrainConfig.class);
    assertThat(c.warmupSteps()).isEqualTo(10);
    assertThat(c.maskRatio()).isEqualTo(0.9);
    assertThat(c.emaStart()).isEqualTo(0.998);
    assertThat(c.encoderConfig().defaultGrid().size()).isEqualTo(8 * 7 * 7);
    assertThat(c.sha256()).isEqualTo(YAML.readValue(minimal, PretrainConfig.class).sha256());
    assertThat(c.sha256())
        .isNotEqualTo(YAML.readValue(minimal.replace("lr: 0.001", "lr: 0.002"), PretrainConfig.class).sha256());
  }

  @Test
  void unknownKeysAndBadValuesFail() {
    assertThatThrownBy(
            () ->
                YAML.readValue(
                    "objective: jepa\nencoder: tiny\npredictor: {width: 96, depth: 2, heads: 3}\n"
                        + "batch_size: 4\nsteps: 10\nlr: 0.001\nbatchsize: 4\n",
                    PretrainConfig.class))
        .isInstanceOf(UnrecognizedPropertyException.class)
        .hasMessageContaining("batchsize");
    assertThatThrownBy(
            () ->
                YAML.readValue(
                    "objective: byol\nencoder: tiny\npredictor: {width: 96, depth: 2, heads: 3}\n"
                        + "batch_size: 4\nsteps: 10\nlr: 0.001\n",
                    PretrainConfig.class))
        .hasMessageContaining("objective must be jepa or mae");
  }
}
