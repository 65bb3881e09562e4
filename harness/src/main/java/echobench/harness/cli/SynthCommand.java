package echobench.harness.cli;

import echobench.harness.data.EchoView;
import echobench.harness.synth.AcquisitionVariability;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortLimits;
import echobench.harness.synth.CohortWriter;
import echobench.harness.synth.FanIntensity;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code echobench synth}: simulates a cohort of echocardiograms with known labels and writes it in
 * the layout of the public dataset it mirrors (adult: EchoNet-Dynamic; pediatric:
 * EchoNet-Pediatric), so it loads through the same loaders as real data.
 */
@Command(
    name = "synth",
    sortOptions = false,
    description = {
      "Write a synthetic echocardiography cohort with known ejection fractions.",
      "adult: EchoNet-Dynamic layout (FileList.csv + Videos/*.avi, Split TRAIN/VAL/TEST; extra"
          + " columns View, HeartRate).",
      "pediatric: EchoNet-Pediatric layout (A4C/ and PSAX/, each FileList.csv + Videos/, Split ="
          + " fold 0..9 per patient; extra columns ESV, EDV, HeartRate).",
      "Both file lists then record each video's scanner settings: Gain, TGCSlope, TGCNear (dB,"
          + " dB/cm, dB), Depth (cm), DynamicRange (dB), SectorWidth (degrees), Frequency (MHz),"
          + " NoiseFloor, Clutter (dB)."
    })
final class SynthCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(names = "--cohort", required = true, paramLabel = "adult|pediatric",
      description = "Population to simulate.")
  String cohort;

  @Option(names = "--count", required = true, paramLabel = "N",
      description = "Subjects to simulate (pediatric: N videos in each view folder).")
  int count;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder.")
  Path out;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Cohort seed: the same seed writes the same cohort"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--size", paramLabel = "PIXELS", defaultValue = "112",
      description = "Frame width and height (default: ${DEFAULT-VALUE}).")
  int size;

  @Option(names = "--frames", paramLabel = "F", defaultValue = "64",
      description = "Frames per video (default: ${DEFAULT-VALUE}).")
  int frames;

  @Option(names = "--fps", paramLabel = "FPS", defaultValue = "50",
      description = "Frame rate (default: ${DEFAULT-VALUE}).")
  double fps;

  @Option(names = "--views", paramLabel = "VIEW", split = ",",
      description = "Adult only: views assigned to subjects in turn, from A4C, A2C, PLAX, PSAX"
          + " (default: A4C, as in EchoNet-Dynamic).")
  List<String> views;

  @Option(names = "--acquisition", paramLabel = "varied|fixed", defaultValue = "varied",
      description = "varied: scanner settings (gain, TGC, depth, dynamic range, sector width,"
          + " frequency, noise floor, clutter) drawn per video; fixed: every video at the nominal"
          + " settings, the same subjects and speckle (default: ${DEFAULT-VALUE}).")
  String acquisition;

  @Option(names = "--stats",
      description = "Then print the in-fan intensity statistics (mean, median, 90th percentile,"
          + " share darker than 25/255) of the first " + FanIntensity.FRAMES + " frames of every video"
          + " written, to compare with real clips.")
  boolean stats;

  @Override
  public Integer call() {
    Cohort population = Cohort.named(cohort).orElseThrow(() -> new InputException(
        "--cohort \"" + cohort + "\" is not one of " + Cohort.all().stream()
            .map(Cohort::name).collect(Collectors.joining(", "))));
    try {
      CohortLimits.check(count, size, frames);
    } catch (IllegalArgumentException e) {
      throw new InputException("--" + e.getMessage());
    }
    if (!(fps > 0) || Double.isInfinite(fps)) {
      throw new InputException("--fps must be positive, not " + fps);
    }
    AcquisitionVariability variability = AcquisitionVariability.named(acquisition)
        .orElseThrow(() -> new InputException("--acquisition \"" + acquisition
            + "\" is not one of varied, fixed"));
    List<EchoView> adultViews = adultViews(population);
    createOutput();

    CohortWriter writer = new CohortWriter(population, seed, size, frames, fps, adultViews,
        Runtime.getRuntime().availableProcessors(), false, variability);
    long start = System.nanoTime();
    if (System.console() != null) {
      try (ProgressBar progress = new ProgressBarBuilder().setTaskName("synth " + cohort)
          .setInitialMax(writer.videos(count)).build()) {
        writer.write(count, out, progress::step);
      }
    } else {
      writer.write(count, out, () -> { });
    }
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "wrote %d %s videos (%d subjects) to %s in %.1f s%n",
        writer.videos(count), population.name(), count, out, (System.nanoTime() - start) / 1e9);
    if (stats) {
      stdout.println(intensity().line());
    }
    stdout.flush();
    return 0;
  }

  /** The in-fan intensity of every video written, read one at a time. */
  private FanIntensity intensity() {
    List<Path> videos;
    try (Stream<Path> files = Files.walk(out)) {
      videos = files.filter(f -> f.getFileName().toString().endsWith(".avi")).sorted().toList();
    } catch (IOException e) {
      throw new InputException(out + ": cannot list the videos written (" + e.getMessage() + ")",
          e);
    }
    return FanIntensity.ofVideos(videos);
  }

  private List<EchoView> adultViews(Cohort population) {
    if (views == null || views.isEmpty()) {
      return List.of(EchoView.A4C);
    }
    if (population != Cohort.ADULT) {
      throw new InputException("--views applies to the adult cohort; pediatric writes A4C and"
          + " PSAX");
    }
    List<EchoView> parsed = new ArrayList<>();
    for (String name : views) {
      parsed.add(EchoView.named(name).orElseThrow(() -> new InputException(
          "--views: \"" + name + "\" is not one of " + EchoView.names())));
    }
    return parsed;
  }

  private void createOutput() {
    try {
      Files.createDirectories(out);
    } catch (FileAlreadyExistsException e) {
      throw new InputException(out + ": cannot create the output folder (" + e.getFile()
          + " is a file)", e);
    } catch (IOException e) {
      throw new InputException(
          out + ": cannot create the output folder (" + e.getMessage() + ")", e);
    }
    if (!Files.isWritable(out)) {
      throw new InputException(out + ": the output folder is not writable");
    }
  }
}
