package echobench.harness.cli;

import echobench.harness.calibration.SeverityCalibrator;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code echobench calibrate}: measures the cavity–myocardium CNR loss of every perturbation family
 * on simulated clips and solves for the calibrated severity levels; with the defaults it writes the
 * table the project ships, byte for byte.
 */
@Command(
    name = "calibrate",
    sortOptions = false,
    description = {
      "Calibrate the suite's severities on simulated clips: level k of every calibrated family"
          + " takes away the same share (10/20/35/50/70 %%) of the LV cavity-myocardium"
          + " contrast-to-noise ratio.",
      "Writes the severity table as CSV (the shipped table with the defaults)."
    })
final class CalibrateCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--clips", paramLabel = "N", defaultValue = "" + SeverityCalibrator.CLIPS,
      description = "Simulated adult A4C clips to measure on (default: ${DEFAULT-VALUE}).")
  int clips;

  @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "" + SeverityCalibrator.SIZE,
      description = "Frame width and height (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--frames", paramLabel = "F", defaultValue = "" + SeverityCalibrator.FRAMES,
      description = "Frames per clip, spread over 0.64 s (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "" + SeverityCalibrator.SEED,
      description = "Seed of the clips and of the perturbations' draws"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--draws", paramLabel = "D", defaultValue = "" + SeverityCalibrator.DRAWS,
      description = "Seeds per clip for a family with random draws (default: ${DEFAULT-VALUE}).")
  int draws;

  @Option(names = "--out", paramLabel = "FILE",
      description = "Write the table here (default: standard output).")
  Path out;

  @Override
  public Integer call() {
    if (clips < 1 || size < 32 || frames < 2 || draws < 1) {
      throw new InputException("calibrate needs --clips ≥ 1, --size ≥ 32, --frames ≥ 2 and"
          + " --draws ≥ 1, not " + clips + ", " + size + ", " + frames + ", " + draws);
    }
    String csv = SeverityCalibrator.calibrate(clips, size, frames, seed, draws).render();
    if (out == null) {
      PrintWriter stdout = spec.commandLine().getOut();
      stdout.print(csv);
      stdout.flush();
    } else {
      AtomicFiles.writeOutput(out, file -> Files.writeString(file, csv, StandardCharsets.UTF_8));
    }
    return 0;
  }
}
