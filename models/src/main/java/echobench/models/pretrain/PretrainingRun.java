package echobench.models.pretrain;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import echobench.models.checkpoint.Checkpoint;
import echobench.models.checkpoint.LossCurve;
import echobench.models.checkpoint.Provenance;
import echobench.models.checkpoint.SafeTensors;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * One pretraining run into an output folder: {@code loss.csv}, and {@code checkpoint/} holding the
 * exported encoder ({@link Checkpoint}) plus the resumable state ({@code training-state.safetensors}
 * with every network and the optimiser moments, {@code training-state.json}). A checkpoint is written
 * every {@code checkpoint_every} steps and at the end; a resumed run continues from the last one and
 * produces the same weights as an uninterrupted run.
 */
public final class PretrainingRun {
  /** The loss log's file name. */
  public static final String LOSS_CSV = "loss.csv";

  /** The checkpoint folder's name. */
  public static final String CHECKPOINT = "checkpoint";

  static final String STATE = "training-state.safetensors";
  static final String STATE_JSON = "training-state.json";

  /** Receives each finished step (for a progress bar). */
  @FunctionalInterface
  public interface Progress {
    /** Called after step {@code outcome.step()} of {@code totalSteps}. */
    void onStep(StepOutcome outcome, long totalSteps);
  }

  private final PretrainConfig config;
  private final ClipSource data;
  private final Path outDir;
  private final Device device;

  /** A run of {@code config} on {@code data} writing into {@code outDir}, computing on {@code device}. */
  public PretrainingRun(PretrainConfig config, ClipSource data, Path outDir, Device device) {
    this.config = config;
    this.data = data;
    this.outDir = outDir;
    this.device = device;
  }

  /**
   * Trains to {@code config.steps()}.
   *
   * @param resume continue from {@code checkpoint/} when it holds a resumable state
   * @throws InputException when resuming a state written by another config
   */
  public PretrainSummary run(boolean resume, Progress progress) throws IOException {
    return run(resume, progress, config.steps());
  }

  /**
   * Trains up to step {@code stopAfter} of the config's schedule (the learning-rate and EMA schedules
   * still span all {@code config.steps()}), checkpointing as usual; {@code stopAfter} below
   * {@code config.steps()} replays the beginning of a run, as the model zoo's replay check does.
   *
   * @throws InputException when resuming a state written by another config
   */
  public PretrainSummary run(boolean resume, Progress progress, long stopAfter) throws IOException {
    if (stopAfter < 1 || stopAfter > config.steps()) {
      throw new IllegalArgumentException(
          "stopAfter must be in 1.." + config.steps() + ", not " + stopAfter);
    }
    Files.createDirectories(outDir);
    Path checkpoint = outDir.resolve(CHECKPOINT);
    try (Pretrainer pretrainer = Pretrainer.create(config, device);
        NDManager batchManager = NDManager.newBaseManager(device)) {
      long start = 0;
      double priorWall = 0;
      Path stateJson = checkpoint.resolve(STATE_JSON);
      if (resume && Files.isRegularFile(stateJson)) {
        ResumeState saved = Checkpoint.JSON.readValue(stateJson.toFile(), ResumeState.class);
        if (!config.sha256().equals(saved.configSha256())) {
          throw new InputException(
              stateJson + ": written by a different config; cannot resume (use another --out)");
        }
        try (NDManager reading = NDManager.newBaseManager(device)) {
          pretrainer.restore(SafeTensors.read(checkpoint.resolve(STATE), reading), saved.completedSteps());
        }
        start = saved.completedSteps();
        priorWall = saved.wallSeconds();
      }
      ClipBatches batches =
          new ClipBatches(
              data, config.crop(), pretrainer.exportedEncoder().inputSpec(), config.batchSize(), config.seed());
      long began = System.nanoTime();
      double firstLoss = Double.NaN;
      double lastLoss = Double.NaN;
      try (LossLog log = LossLog.open(outDir.resolve(LOSS_CSV), start)) {
        for (long step = start; step < stopAfter; step++) {
          StepOutcome outcome;
          try (NDManager stepManager = batchManager.newSubManager()) {
            NDArray batch = batches.batch(stepManager, step);
            outcome = pretrainer.step(batch, step);
          }
          if (!Double.isFinite(outcome.loss())) {
            throw new IllegalStateException("the loss diverged at step " + step + ": " + outcome.loss());
          }
          firstLoss = Double.isNaN(firstLoss) ? outcome.loss() : firstLoss;
          lastLoss = outcome.loss();
          log.append(outcome);
          progress.onStep(outcome, config.steps());
          long done = step + 1;
          if (done % config.checkpointEvery() == 0 || done == config.steps()) {
            save(pretrainer, checkpoint, done, priorWall + seconds(began));
          }
        }
      }
      double session = seconds(began);
      long ran = Math.max(0, stopAfter - start);
      return new PretrainSummary(
          checkpoint, Math.max(start, stopAfter), ran, firstLoss, lastLoss, priorWall + session,
          ran == 0 ? 0 : ran / session);
    }
  }

  private void save(Pretrainer pretrainer, Path checkpoint, long completed, double wall)
      throws IOException {
    Provenance provenance =
        Provenance.now(
            config.objective(),
            Checkpoint.JSON.readTree(config.canonicalJson()),
            config.sha256(),
            data.describe(),
            config.seed(),
            completed,
            wall,
            LossCurve.of(LossLog.losses(outDir.resolve(LOSS_CSV))),
            device);
    Path staging = AtomicFiles.stagingFolder(checkpoint);
    Checkpoint.writeInto(staging, pretrainer.exportedEncoder(), provenance);
    Map<String, NDArray> state = pretrainer.trainingState();
    SafeTensors.write(staging.resolve(STATE), state);
    Checkpoint.JSON.writeValue(
        staging.resolve(STATE_JSON).toFile(), new ResumeState(completed, config.sha256(), wall));
    AtomicFiles.publishFolder(staging, checkpoint);
  }

  private static double seconds(long since) {
    return (System.nanoTime() - since) / 1e9;
  }
}
