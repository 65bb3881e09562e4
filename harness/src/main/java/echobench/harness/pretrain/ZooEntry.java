package echobench.harness.pretrain;

import echobench.models.checkpoint.Checkpoint;
import echobench.models.checkpoint.ModelDescription;
import echobench.models.pretrain.PretrainConfig;
import echobench.models.pretrain.PretrainingRun;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * A checkpoint of the project's model zoo ({@code models/zoo/<name>/}), what a study loads with
 * {@code checkpoint: zoo:<name>}: the encoder's {@code weights.safetensors} and {@code model.json}
 * (architecture and provenance: config and its hash, data, seed, steps, wall time, loss curve,
 * versions, date), the run's {@code loss.csv}, and the pretraining config it came from as
 * {@code config.yaml}. The training state (predictor, EMA copy, optimiser moments) is left out: a
 * zoo entry is for evaluation, and {@code echobench pretrain} on the config re-creates the run.
 */
public final class ZooEntry {
  /** The copy of the pretraining config inside an entry. */
  public static final String CONFIG = "config.yaml";

  private ZooEntry() {}

  /**
   * Copies the finished run in {@code runDir} (trained from {@code configFile}) into {@code entry},
   * replacing an older entry only once the new one is complete.
   *
   * @throws InputException when the run is unfinished or was trained from another config
   */
  public static void export(Path configFile, PretrainConfig config, Path runDir, Path entry) {
    Path checkpoint = runDir.resolve(PretrainingRun.CHECKPOINT);
    ModelDescription description = Checkpoint.describe(checkpoint);
    if (!config.sha256().equals(description.training().configSha256())) {
      throw new InputException(checkpoint + ": trained from another config than " + configFile);
    }
    if (description.training().steps() != config.steps()) {
      throw new InputException(checkpoint + ": holds " + description.training().steps()
          + " of " + config.steps() + " steps; finish the run before exporting it");
    }
    try {
      Path staging = AtomicFiles.stagingFolder(entry);
      copy(checkpoint.resolve(Checkpoint.WEIGHTS), staging);
      copy(checkpoint.resolve(Checkpoint.DESCRIPTION), staging);
      copy(runDir.resolve(PretrainingRun.LOSS_CSV), staging);
      Files.copy(configFile, staging.resolve(CONFIG));
      AtomicFiles.publishFolder(staging, entry);
    } catch (IOException e) {
      throw new InputException(entry + ": cannot write the zoo entry (" + e.getMessage() + ")", e);
    }
  }

  private static void copy(Path file, Path intoDir) throws IOException {
    Files.copy(file, intoDir.resolve(file.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
  }
}
