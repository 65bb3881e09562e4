package echobench.harness.pretrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import echobench.models.checkpoint.Checkpoint;
import echobench.models.checkpoint.ModelDescription;
import echobench.models.encoder.VisionTransformer;
import echobench.models.pretrain.PretrainConfig;
import echobench.models.pretrain.PretrainingRun;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The shipped model-zoo checkpoints are provably their configs': each entry names the hash of
 * {@code configs/pretrain/<name>.yaml}, holds all its steps, loads, and replaying the config's first
 * {@value #REPLAYED} steps reproduces the entry's recorded {@code loss.csv} within 1e-3 relative.
 */
class ZooReplayTest {
  private static final int REPLAYED = 20;
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"jepa-echo-tiny", "mae-echo-tiny"})
  void replayingTheConfigReproducesTheRecordedLoss(String name) throws IOException {
    Path configFile = ROOT.resolve("configs").resolve("pretrain").resolve(name + ".yaml");
    Path entry = ROOT.resolve("models").resolve("zoo").resolve(name);
    PretrainConfig config = PretrainRunner.readConfig(configFile);
    ModelDescription description = Checkpoint.describe(entry);
    assertThat(description.training().configSha256()).isEqualTo(config.sha256());
    assertThat(description.training().steps()).isEqualTo(config.steps());
    assertThat(description.training().loss().steps()).isEqualTo(config.steps());
    assertThat(Files.readString(entry.resolve(ZooEntry.CONFIG)))
        .isEqualTo(Files.readString(configFile));
    try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
      VisionTransformer encoder = Checkpoint.load(entry, manager);
      assertThat(encoder.config()).isEqualTo(description.architecture());
    }

    new PretrainingRun(config,
        PretrainSources.open(config.data(), config.frames(), config.resolution()), tmp, Device.cpu())
        .run(false, (outcome, total) -> { }, REPLAYED);

    List<double[]> recorded = rows(entry.resolve(PretrainingRun.LOSS_CSV));
    List<double[]> replayed = rows(tmp.resolve(PretrainingRun.LOSS_CSV));
    assertThat(recorded).hasSize(config.steps());
    assertThat(replayed).hasSize(REPLAYED);
    for (int step = 0; step < REPLAYED; step++) {
      double want = recorded.get(step)[1];
      assertThat(replayed.get(step)[0]).isEqualTo(step);
      assertThat(replayed.get(step)[1]).as("loss at step %d", step)
          .isCloseTo(want, within(1e-3 * Math.abs(want)));
    }
  }

  /** The (step, loss) pairs of a {@code loss.csv}. */
  private static List<double[]> rows(Path lossCsv) throws IOException {
    return Files.readAllLines(lossCsv, StandardCharsets.UTF_8).stream()
        .skip(1)
        .map(line -> line.split(",", -1))
        .map(cells -> new double[] {Double.parseDouble(cells[0]), Double.parseDouble(cells[1])})
        .toList();
  }
}
