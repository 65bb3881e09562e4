package echobench.harness.pretrain;

import ai.djl.Device;
import echobench.models.pretrain.ClipSource;
import echobench.models.pretrain.PretrainConfig;
import echobench.models.pretrain.PretrainSummary;
import echobench.models.pretrain.PretrainingRun;
import echobench.models.pretrain.StepOutcome;
import echobench.reports.io.InputException;
import echobench.reports.io.StrictYaml;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;

/**
 * Runs one pretraining config into an output folder: {@code loss.csv} and {@code checkpoint/} (the
 * exported encoder plus the resumable training state, see {@link PretrainingRun}). When the folder
 * already holds a resumable state of the same config, the run continues from it; a finished run is
 * not repeated. Used by {@code echobench pretrain} and by a study's models declared with
 * {@code pretrain:}.
 */
public final class PretrainRunner {
  private final Device device;
  private final boolean progressBar;
  private final PretrainingRun.Progress listener;

  /**
   * A runner computing on {@code device}.
   *
   * @param progressBar draw a progress bar on stderr
   * @param listener also told of every finished step (for a caller's own progress or logging)
   */
  public PretrainRunner(Device device, boolean progressBar, PretrainingRun.Progress listener) {
    this.device = device;
    this.progressBar = progressBar;
    this.listener = listener;
  }

  /** A runner on {@code device} that draws a progress bar when stderr is a terminal. */
  public static PretrainRunner forTerminal(Device device) {
    return new PretrainRunner(device, System.console() != null, (outcome, total) -> { });
  }

  /**
   * Reads a pretraining config ({@code configs/pretrain/*.yaml}).
   *
   * @throws InputException naming the file (and line) for a malformed or incomplete config
   */
  public static PretrainConfig readConfig(Path file) {
    PretrainConfig config = StrictYaml.read(file, PretrainConfig.class);
    if (config.data() == null) {
      throw new InputException(file + ": 'data' is required (a synthetic cohort or a dataset root)");
    }
    try {
      PretrainSources.variability(config.data());
    } catch (InputException e) {
      throw new InputException(file + ": " + e.getMessage(), e);
    }
    return config;
  }

  /**
   * Trains {@code config} on the clips its {@code data} section names (see {@link PretrainSources})
   * into {@code outDir}.
   *
   * @throws InputException for an unusable data source or an unwritable folder
   * @throws echobench.reports.io.InputException when {@code outDir} holds the state of another config
   */
  public PretrainSummary run(PretrainConfig config, Path outDir) {
    if (config.data() == null) {
      throw new InputException("the pretraining config has no 'data' section");
    }
    return run(config, PretrainSources.open(config.data(), config.frames(), config.resolution()), outDir);
  }

  /** Trains {@code config} on {@code clips} into {@code outDir}, resuming where it can. */
  public PretrainSummary run(PretrainConfig config, ClipSource clips, Path outDir) {
    PretrainingRun run = new PretrainingRun(config, clips, outDir, device);
    try {
      if (!progressBar) {
        return run.run(true, listener);
      }
      try (ProgressBar bar = progressBar(config)) {
        return run.run(true, (outcome, total) -> {
          show(bar, outcome);
          listener.onStep(outcome, total);
        });
      }
    } catch (IOException e) {
      throw new InputException(outDir + ": cannot write the pretraining run (" + e.getMessage() + ")", e);
    }
  }

  private static ProgressBar progressBar(PretrainConfig config) {
    return new ProgressBarBuilder()
        .setTaskName("pretrain " + config.objective() + " " + config.encoder())
        .setInitialMax(config.steps())
        .setUnit(" steps", 1)
        .setMaxRenderedLength(100)
        .setUpdateIntervalMillis(500)
        .build();
  }

  private static void show(ProgressBar bar, StepOutcome outcome) {
    bar.stepTo(outcome.step() + 1);
    bar.setExtraMessage(String.format(Locale.ROOT, "loss %.4f", outcome.loss()));
  }
}
