package echobench.harness.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import echobench.models.pretrain.PretrainConfig;
import echobench.models.pretrain.PretrainSummary;
import echobench.reports.io.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainRunnerTest {
  private static PretrainConfig config;

  /** What a run stopped by the user (Ctrl-C, a lost machine) leaves behind in these tests. */
  private static final class Stopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
  }

  @BeforeAll
  static void readConfig() throws Exception {
    config = PretrainRunner.readConfig(
        Path.of(PretrainRunnerTest.class.getResource("/pretrain/jepa-tiny.yaml").toURI()));
  }

  private static PretrainRunner quiet() {
    return new PretrainRunner(Device.cpu(), false, (outcome, total) -> { });
  }

  @Test
  void aStoppedRunResumesFromItsLastCheckpointAndEndsAsAnUninterruptedOne(@TempDir Path dir)
      throws Exception {
    Path whole = dir.resolve("whole");
    Path stopped = dir.resolve("stopped");
    quiet().run(config, whole);
    // Stop during step 4: the checkpoint after step 3 (index 2) is the last one written.
    PretrainRunner stopping = new PretrainRunner(Device.cpu(), false, (outcome, total) -> {
      if (outcome.step() == 4) {
        throw new Stopped();
      }
    });
    assertThatThrownBy(() -> stopping.run(config, stopped)).isInstanceOf(Stopped.class);
    assertThat(Files.readAllLines(stopped.resolve("loss.csv"))).hasSize(1 + 5);

    PretrainSummary resumed = quiet().run(config, stopped);

    assertThat(resumed.steps()).isEqualTo(6);
    assertThat(resumed.stepsThisSession()).isEqualTo(3);
    List<String> rows = Files.readAllLines(stopped.resolve("loss.csv"));
    assertThat(rows).isEqualTo(Files.readAllLines(whole.resolve("loss.csv")));
    assertThat(Files.readAllBytes(resumed.checkpoint().resolve("weights.safetensors")))
        .isEqualTo(Files.readAllBytes(whole.resolve("checkpoint").resolve("weights.safetensors")));
  }

  @Test
  void aFolderOfAnotherConfigIsRefused(@TempDir Path dir) {
    quiet().run(config, dir);
    PretrainConfig other = new PretrainConfig(config.objective(), config.encoder(), config.tubelet(),
        config.patch(), config.frames(), config.resolution(), config.predictor(), config.masks(),
        config.maskRatio(), config.batchSize(), config.steps(), config.warmupSteps(),
        config.startLr(), config.lr() / 2, config.finalLr(), config.weightDecay(),
        config.gradClip(), config.emaStart(), config.emaEnd(), config.crop(),
        config.checkpointEvery(), config.seed(), config.data());

    assertThatThrownBy(() -> quiet().run(other, dir))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("written by a different config");
  }
}
