package echobench.harness.cli;

import echobench.harness.pretrain.PretrainRunner;
import echobench.harness.pretrain.ZooEntry;
import echobench.models.Devices;
import echobench.models.pretrain.PretrainConfig;
import echobench.models.pretrain.PretrainSummary;
import echobench.models.pretrain.PretrainingRun;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code echobench pretrain CONFIG.yaml}: pretrains one encoder (JEPA or the MAE control) and writes
 * its checkpoint folder and {@code loss.csv}; rerun on the same folder, it resumes.
 */
@Command(
    name = "pretrain",
    sortOptions = false,
    description = {
      "Pretrain one encoder as CONFIG.yaml describes (keys: configs/pretrain/jepa-smoke.yaml).",
      "Writes DIR/loss.csv (step,loss,lr,ema) and DIR/checkpoint/ (weights.safetensors, model.json"
          + " and the resumable training state); run again with the same DIR to resume."
    })
final class PretrainCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "CONFIG.yaml", description = "Pretraining config.")
  Path config;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Output folder (default: runs/pretrain/<config file name without .yaml>).")
  Path out;

  @Option(names = "--zoo", paramLabel = "ENTRY",
      description = "When the run is finished, also export it as a model-zoo entry (for example"
          + " models/zoo/jepa-echo-tiny): weights, model.json, loss.csv and the config.")
  Path zoo;

  @Option(names = "--device", paramLabel = "cpu|gpu",
      description = "Compute device (default: a GPU when PyTorch sees one, else the CPU).")
  String device;

  @Override
  public Integer call() {
    PretrainConfig parsed = PretrainRunner.readConfig(config);
    Path outDir = out != null ? out : Path.of("runs", "pretrain", stem(config));
    PretrainSummary summary = PretrainRunner.forTerminal(Devices.resolve(device)).run(parsed, outDir);
    PrintWriter stdout = spec.commandLine().getOut();
    if (summary.stepsThisSession() == 0) {
      stdout.printf(Locale.ROOT, "%s already holds all %d steps; checkpoint %s%n",
          outDir, summary.steps(), summary.checkpoint());
    } else {
      stdout.printf(Locale.ROOT,
          "pretrained %s %s: %d steps (%d this session, %.2f steps/s), loss %.4f -> %.4f,"
              + " %.1f s in all%ncheckpoint %s%nloss log %s%n",
          parsed.objective(), parsed.encoder(), summary.steps(), summary.stepsThisSession(),
          summary.stepsPerSecond(), summary.firstLoss(), summary.lastLoss(), summary.wallSeconds(),
          summary.checkpoint(), outDir.resolve(PretrainingRun.LOSS_CSV));
    }
    if (zoo != null) {
      ZooEntry.export(config, parsed, outDir, zoo);
      stdout.printf(Locale.ROOT, "zoo entry %s%n", zoo);
    }
    stdout.flush();
    return 0;
  }

  private static String stem(Path file) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }
}
