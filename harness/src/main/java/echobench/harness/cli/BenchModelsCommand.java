package echobench.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import echobench.models.Devices;
import echobench.models.bench.BenchResults.Inference;
import echobench.models.bench.BenchResults.Report;
import echobench.models.bench.BenchResults.Training;
import echobench.models.bench.ModelBench;
import echobench.models.encoder.VitConfig;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code echobench bench models}: JEPA training steps and inference clips per second of the built-in
 * ViT sizes, the GFLOP/s each achieves, and DJL's large-matmul GFLOP/s as this machine's ceiling.
 */
@Command(
    name = "models",
    sortOptions = false,
    description = {
      "Throughput of the built-in ViT (tiny and small at 16x112x112 by default): JEPA training"
          + " steps/s with V-JEPA's masks and inference clips/s, each with its achieved GFLOP/s"
          + " (matrix products counted analytically) and its share of DJL's 2048x2048 matmul rate.",
      "Uses every core PyTorch is given (ECHOBENCH_THREADS)."
    })
final class BenchModelsCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
  Path json;

  @Option(names = "--sizes", paramLabel = "SIZE", split = ",", defaultValue = "tiny,small",
      description = "ViT sizes to measure, from micro, mini, tiny, small, base, large"
          + " (default: ${DEFAULT-VALUE}).")
  List<String> sizes;

  @Option(names = "--frames", paramLabel = "F", defaultValue = "16",
      description = "Frames per clip (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--resolution", paramLabel = "PIXELS", defaultValue = "112",
      description = "Frame side (default: ${DEFAULT-VALUE}).")
  int resolution;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "4",
      description = "Clips per step or forward pass (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--repeats", paramLabel = "N", defaultValue = "3",
      description = "Timed steps and passes per size, after one warm-up (default: ${DEFAULT-VALUE}).")
  int repeats;

  @Option(names = "--device", paramLabel = "cpu|gpu",
      description = "Compute device (default: a GPU when PyTorch sees one, else the CPU).")
  String device;

  @Override
  public Integer call() {
    if (batch < 1 || repeats < 1) {
      throw new ParameterException(spec.commandLine(), "--batch and --repeats must be at least 1");
    }
    for (String size : sizes) {
      if (!VitConfig.SIZES.contains(size)) {
        throw new InputException("--sizes: unknown ViT size '" + size + "' (known: "
            + String.join(", ", VitConfig.SIZES) + ")");
      }
    }
    try {
      VitConfig.named(sizes.get(0)).withInput(frames, resolution);
    } catch (IllegalArgumentException e) {
      throw new InputException("--frames " + frames + " --resolution " + resolution + ": "
          + e.getMessage(), e);
    }
    Path jsonDirectory = json == null ? null : json.toAbsolutePath().getParent();
    if (jsonDirectory != null && !Files.isDirectory(jsonDirectory)) {
      throw new InputException(json + ": cannot write (no such directory " + jsonDirectory + ")");
    }
    Report report = new ModelBench(Devices.resolve(device), frames, resolution).run(sizes, batch, repeats);
    PrintWriter out = spec.commandLine().getOut();
    print(report, out);
    out.flush();
    if (json != null) {
      AtomicFiles.writeOutput(json, temporary -> JSON.writeValue(temporary.toFile(), report));
    }
    return 0;
  }

  private void print(Report report, PrintWriter out) {
    out.printf(Locale.ROOT, "device %s, clips %d frames of %d x %d, batch %d, %d timed repeats%n",
        report.device(), report.frames(), report.resolution(), report.resolution(), batch, repeats);
    out.printf(Locale.ROOT, "ceiling: DJL matmul %d x %d float32 %.1f GFLOP/s%n%n",
        report.ceiling().size(), report.ceiling().size(), report.ceiling().gflops());
    String header = "%-6s %6s %13s %10s %13s %8s %13s %13s %8s%n";
    String row = "%-6s %6d %13.3f %10.1f %13.1f %7.1f%% %13.2f %13.1f %7.1f%%%n";
    out.printf(Locale.ROOT, header, "size", "tokens", "train step/s", "GFLOP/step", "train GFLOP/s",
        "ceiling", "infer clip/s", "infer GFLOP/s", "ceiling");
    for (int i = 0; i < report.training().size(); i++) {
      Training t = report.training().get(i);
      Inference inf = report.inference().get(i);
      out.printf(Locale.ROOT, row, t.size(), t.tokens(), t.stepsPerSecond(), t.gflopPerStep(),
          t.gflops(), 100 * t.ceilingFraction(), inf.clipsPerSecond(), inf.gflops(),
          100 * inf.ceilingFraction());
    }
  }
}
