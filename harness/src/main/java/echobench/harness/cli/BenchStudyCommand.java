package echobench.harness.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import echobench.harness.bench.StudyScaleBenchmark;
import echobench.harness.bench.StudyScaleBenchmark.Report;
import echobench.harness.bench.StudyScaleBenchmark.Stage;
import echobench.models.probe.FeatureStore;
import echobench.models.probe.ProbeTraining;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import java.io.IOException;
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
 * {@code echobench bench study}: wall time, peak resident memory and store size of the feature-store
 * and probe stages at several numbers of synthetic videos ({@link StudyScaleBenchmark}).
 */
@Command(
    name = "study",
    sortOptions = false,
    description = {
      "Time, peak RSS and store size of a study's feature-store and linear-probe stages at each"
          + " number of synthetic videos, with an encoder stand-in emitting tokens of the given"
          + " shape (a fixed random projection of per-tubelet summaries).",
      "Each size's store (videos x clips x tokens x dim x 2 or 4 bytes) is written under --work"
          + " and deleted after it is measured."
    })
final class BenchStudyCommand implements Callable<Integer> {
  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT);

  @Spec CommandSpec spec;

  @Option(names = "--videos", paramLabel = "N", split = ",", defaultValue = "1000,10000",
      description = "Numbers of videos to measure, in order (default: ${DEFAULT-VALUE}).")
  List<Integer> videos;

  @Option(names = "--tokens", paramLabel = "T", defaultValue = "392",
      description = "Tokens per clip (default: ${DEFAULT-VALUE}, ViT-L at 16x112x112).")
  int tokens;

  @Option(names = "--dim", paramLabel = "D", defaultValue = "1024",
      description = "Token width (default: ${DEFAULT-VALUE}).")
  int dim;

  @Option(names = "--clips", paramLabel = "C", defaultValue = "2",
      description = "Clips per video (default: ${DEFAULT-VALUE}).")
  int clips;

  @Option(names = "--dtype", paramLabel = "float16|float32", defaultValue = "float16",
      description = "How the store keeps values (default: ${DEFAULT-VALUE}).")
  String dtype;

  @Option(names = "--epochs", paramLabel = "E", defaultValue = "2",
      description = "Linear-probe epochs (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--batch", paramLabel = "B", defaultValue = "64",
      description = "Linear-probe batch (default: ${DEFAULT-VALUE}).")
  int batch;

  @Option(names = "--work", paramLabel = "DIR", required = true,
      description = "Folder for the stores being measured (created if missing).")
  Path work;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the figures as JSON to FILE.")
  Path json;

  @Override
  public Integer call() throws IOException {
    if (videos.stream().anyMatch(n -> n < 5) || tokens < 1 || dim < 1 || clips < 1 || epochs < 1
        || batch < 1) {
      throw new ParameterException(spec.commandLine(),
          "--videos must each be at least 5; --tokens, --dim, --clips, --epochs, --batch at least 1");
    }
    FeatureStore.Dtype storeDtype;
    try {
      storeDtype = FeatureStore.Dtype.parse(dtype);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--dtype: " + e.getMessage());
    }
    try {
      Files.createDirectories(work);
    } catch (IOException e) {
      throw new InputException(work + ": cannot create the work folder (" + e.getMessage() + ")",
          e);
    }
    ProbeTraining training = new ProbeTraining(epochs, batch, List.of(1e-3), List.of(0.01), 0.0, 0);
    Report report = new StudyScaleBenchmark(tokens, dim, clips, storeDtype, training, 0)
        .run(videos, work);
    PrintWriter out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "tokens %d x %d, %d clips per video, %s store, heap limit %.1f GB%s%n",
        report.tokens(), report.dim(), report.clips(), report.dtype(),
        report.maxHeapBytes() / 1e9, report.peakRssReset() ? ""
            : " (peak RSS not resettable here: each figure is the peak since the start)");
    out.printf(Locale.ROOT, "%8s %-13s %10s %14s %12s%n", "videos", "stage", "seconds",
        "peak RSS MB", "store MB");
    for (Stage s : report.stages()) {
      out.printf(Locale.ROOT, "%8d %-13s %10.1f %14.0f %12.0f%n", s.videos(), s.stage(),
          s.seconds(), s.peakRssBytes() / 1e6, s.storeBytes() / 1e6);
    }
    out.flush();
    if (json != null) {
      AtomicFiles.writeOutput(json, temporary -> JSON.writeValue(temporary.toFile(), report));
    }
    return 0;
  }
}
