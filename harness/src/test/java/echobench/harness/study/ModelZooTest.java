package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import echobench.models.checkpoint.Checkpoint;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelZooTest {
  @TempDir Path dir;

  /** An installation laid out like a checkout: harness/target/echobench.jar and models/zoo/. */
  private Path installation() throws IOException {
    Path root = dir.resolve("echobench");
    Files.createDirectories(root.resolve("models/zoo/jepa-echo-tiny"));
    Files.createDirectories(root.resolve("harness/target"));
    return Files.writeString(root.resolve("harness/target/echobench.jar"), "");
  }

  @Test
  void theInstallationsZooIsFoundFromTheJarWhateverTheConfigsFolder() throws IOException {
    Path jar = installation();
    ModelZoo zoo = ModelZoo.choose(null, Map.of(), jar);

    assertThat(zoo.entry("zoo:jepa-echo-tiny", "jepa"))
        .isEqualTo(dir.resolve("echobench/models/zoo/jepa-echo-tiny").toAbsolutePath());
  }

  @Test
  void theOptionWinsOverTheEnvironmentWhichWinsOverTheInstallation() throws IOException {
    Path jar = installation();
    Path mine = Files.createDirectories(dir.resolve("mine/jepa-echo-tiny")).getParent();
    Path team = Files.createDirectories(dir.resolve("team/jepa-echo-tiny")).getParent();
    Map<String, String> environment = Map.of(ModelZoo.ENVIRONMENT, team.toString());

    assertThat(ModelZoo.choose(mine, environment, jar).entry("zoo:jepa-echo-tiny", "m"))
        .isEqualTo(mine.resolve("jepa-echo-tiny").toAbsolutePath());
    assertThat(ModelZoo.choose(null, environment, jar).entry("zoo:jepa-echo-tiny", "m"))
        .isEqualTo(team.resolve("jepa-echo-tiny").toAbsolutePath());
  }

  @Test
  void aMissingEntryOrZooIsOneLineNamingWhereItLooked() throws IOException {
    Path jar = installation();
    assertThatThrownBy(() -> ModelZoo.choose(null, Map.of(), jar).entry("zoo:nope", "m"))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no zoo checkpoint nope")
        .hasMessageContaining(dir.resolve("echobench/models/zoo").toString());
    assertThatThrownBy(() -> ModelZoo.choose(null, Map.of(), jar).entry("zoo:../x", "m"))
        .isInstanceOf(InputException.class).hasMessageContaining("not a zoo entry name");
    Path nowhere = dir.resolve("no-such-zoo");
    assertThatThrownBy(() -> ModelZoo.choose(nowhere, Map.of(), jar))
        .isInstanceOf(InputException.class).hasMessageStartingWith(nowhere.toString());
    Path bare = Files.createDirectories(dir.resolve("bare/lib")).resolve("echobench.jar");
    assertThatThrownBy(() -> ModelZoo.choose(null, Map.of(), bare).entry("zoo:x", "m"))
        .isInstanceOf(InputException.class).hasMessageContaining("--zoo DIR")
        .hasMessageContaining(ModelZoo.ENVIRONMENT);
  }

  @Test
  void aConfigOutsideTheRepositoryLoadsTheShippedZooEncoder() throws IOException {
    // A user's own study folder, nowhere near the repository's models/zoo.
    Path study = Files.createDirectories(dir.resolve("my-study"));
    ModelZoo zoo = ModelZoo.choose(null, Map.of(), codeLocation());
    EncoderLoader loader = new EncoderLoader(study, zoo, dir.resolve("cache"),
        SamplingConfig.defaults(), Device.cpu());
    ModelConfig model = new ModelConfig("jepa", null, "zoo:jepa-echo-tiny", null, null, null);
    Path shipped = zoo.entry("zoo:jepa-echo-tiny", "jepa");

    assertThat(shipped.resolve(Checkpoint.WEIGHTS)).isRegularFile();
    try (NDManager manager = NDManager.newBaseManager(Device.cpu());
        StudyEncoder encoder = loader.load(model, manager)) {
      assertThat(encoder.name()).isEqualTo("jepa");
    }
  }

  private static Path codeLocation() {
    try {
      return Path.of(EncoderLoader.class.getProtectionDomain().getCodeSource().getLocation()
          .toURI());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
