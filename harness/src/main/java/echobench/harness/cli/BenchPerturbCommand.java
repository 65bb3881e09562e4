package echobench.harness.cli;

import echobench.harness.bench.BenchSettings;
import echobench.harness.bench.ClipSize;
import echobench.harness.bench.MultiplyReference;
import echobench.harness.bench.PerturbationBenchmark;
import echobench.harness.bench.Throughput;
import echobench.harness.bench.ThroughputTable;
import echobench.perturb.PerturbationSpec;
import echobench.perturb.Perturbations;
import echobench.reports.io.InputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code echobench bench perturb}: single-thread throughput of every registered perturbation on a
 * 16×112×112 and a 16×224×224 grey clip, beside a plain multiply loop as the memory-bound
 * reference, and the time to fit the fan of a 64×582×582 clip.
 */
@Command(
    name = "perturb",
    description = {
      "Single-thread throughput of every perturbation (at its highest severity) on 16x112x112 and"
          + " 16x224x224 grey clips with a sector mask, and of a plain multiply loop for reference.",
      "Prints the median rate over the timed iterations, its spread, and the rate as a fraction of"
          + " the multiply loop's; then the time to fit the fan (--mask auto) of a 64x582x582"
          + " grey clip."
    })
final class BenchPerturbCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write [{\"name\", \"size\", \"voxels_per_second\"}] to FILE.")
  Path json;

  @Option(names = "--iterations", paramLabel = "N", defaultValue = "9",
      description = "Timed iterations per measurement (default: ${DEFAULT-VALUE}).")
  int iterations;

  @Option(names = "--warmup-ms", paramLabel = "MS", defaultValue = "500",
      description = "Warm-up time per measurement (default: ${DEFAULT-VALUE}).")
  long warmupMillis;

  @Option(names = "--min-iteration-ms", paramLabel = "MS", defaultValue = "50",
      description = "Least duration of one timed iteration (default: ${DEFAULT-VALUE}).")
  long minIterationMillis;

  @Override
  public Integer call() {
    if (iterations < 1 || warmupMillis < 0 || minIterationMillis < 0) {
      throw new ParameterException(spec.commandLine(),
          "--iterations must be at least 1 and times may not be negative");
    }
    Path jsonDirectory = json == null ? null : json.toAbsolutePath().getParent();
    if (jsonDirectory != null && !Files.isDirectory(jsonDirectory)) {
      throw new InputException(json + ": cannot write (no such directory " + jsonDirectory + ")");
    }
    BenchSettings settings = new BenchSettings(
        Duration.ofMillis(warmupMillis), iterations, Duration.ofMillis(minIterationMillis));
    List<PerturbationSpec> specs = Perturbations.all();
    List<String> names = new ArrayList<>(List.of(MultiplyReference.NAME));
    specs.forEach(s -> names.add(s.name()));
    ThroughputTable table = new ThroughputTable(names);
    PrintWriter out = spec.commandLine().getOut();
    out.print(table.header());
    out.flush();
    Map<String, Double> referenceRates = new HashMap<>();
    PerturbationBenchmark benchmark = new PerturbationBenchmark(settings);
    List<Throughput> results = new ArrayList<>(benchmark.run(
        specs, ClipSize.STANDARD, t -> {
          if (t.name().equals(MultiplyReference.NAME)) {
            referenceRates.put(t.size(), t.voxelsPerSecond());
          }
          out.print(table.row(t, referenceRates.get(t.size())));
          out.flush();
        }));
    Throughput fanFit = benchmark.fanFit(PerturbationBenchmark.FAN_FIT_SIZE);
    results.add(fanFit);
    double voxels = PerturbationBenchmark.FAN_FIT_SIZE.voxels();
    out.printf(Locale.ROOT, "%n%s (mask auto) on a grey %s clip: %.3f s per clip (%.3f to %.3f)%n",
        fanFit.name(), fanFit.size(), voxels / fanFit.voxelsPerSecond(),
        voxels / fanFit.fastest(), voxels / fanFit.slowest());
    out.flush();
    if (json != null) {
      ThroughputTable.writeJson(results, json);
    }
    return 0;
  }
}
