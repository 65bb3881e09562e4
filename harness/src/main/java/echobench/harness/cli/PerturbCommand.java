package echobench.harness.cli;

import echobench.harness.MaskChoice;
import echobench.harness.video.MaskPreview;
import echobench.harness.video.PngWriter;
import echobench.harness.video.SheetTile;
import echobench.harness.video.VideoReader;
import echobench.harness.video.VideoWriter;
import echobench.perturb.Clip;
import echobench.perturb.Perturbation;
import echobench.perturb.Perturbations;
import echobench.perturb.ScanMask;
import echobench.perturb.SectorGeometry;
import echobench.perturb.Seeds;
import echobench.perturb.SeverityScale;
import echobench.perturb.SeverityTable;
import echobench.reports.io.InputException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code echobench perturb}: applies one perturbation (or a composition {@code a+b}) to a video and
 * writes the result as a PNG of the first frame, a whole video, or a contact sheet of every
 * severity; {@code --list} describes every registered perturbation.
 */
@Command(
    name = "perturb",
    sortOptions = false,
    description = {
      "Preview a perturbation on a video.",
      "FILE ending in .png gets the first perturbed frame (8-bit, grey stays grey); .avi/.mkv the"
          + " whole clip losslessly (FFV1); .mp4 the whole clip as H.264.",
      "--sheet writes the first frame at every severity 0..max side by side (FILE must be .png)."
    })
final class PerturbCommand implements Callable<Integer> {
  private static final String PNG = ".png";

  @Spec CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "VIDEO",
      description = "Input video (AVI, MP4, MKV, Y4M, grey or RGB).")
  Path video;

  @Option(names = "--name", paramLabel = "NAME",
      description = "Perturbation name, or a composition a+b applied in that order.")
  String name;

  @Option(names = "--severity", paramLabel = "K",
      description = "Severity, 0 (identity) to the perturbation's maximum.")
  Integer severity;

  @Option(names = "--out", paramLabel = "FILE", description = "Output .png, .avi, .mkv or .mp4.")
  Path out;

  @Option(names = "--seed", paramLabel = "S", defaultValue = "0",
      description = "Run seed; the clip's seed is derived from it, the video id and NAME"
          + " (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--mask", paramLabel = "auto|full|sector", defaultValue = "auto",
      description = "Pixels that may change: the fan fitted to the clip (overlays excluded; a"
          + " clip without a fan is refused), the whole frame, or EchoJEPA's geometric sector"
          + " (default: ${DEFAULT-VALUE}).")
  String mask;

  @Option(names = "--show-mask", paramLabel = "PNG",
      description = "Also write the first frame with the mask's outline and its fitted sector"
          + " (apex, edges, arcs) drawn on it, to check the mask by eye.")
  Path showMask;

  @Option(names = "--sheet", description = "Write every severity side by side instead.")
  boolean sheet;

  @Option(names = "--severity-scale", paramLabel = "published|calibrated",
      defaultValue = "published",
      description = "What SEVERITY means for the suite: each family's published parameters, or"
          + " the calibrated levels (the same CNR loss in every family; docs/calibration.md)"
          + " (default: ${DEFAULT-VALUE}).")
  String severityScale;

  @Option(names = "--list", description = "List every perturbation with its parameters and exit.")
  boolean list;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    if (list) {
      stdout.print(PerturbationTable.render(Perturbations.all(), SeverityTable.shipped()));
      stdout.flush();
      return 0;
    }
    requireArguments();
    MaskChoice maskChoice = MaskChoice.parse(mask);
    List<Perturbation> perturbations = requestedPerturbations();
    Clip clip = VideoReader.read(video);
    ScanMask scanMask = maskFor(maskChoice, clip);
    if (showMask != null) {
      MaskPreview.write(clip, scanMask, showMask);
      stdout.printf(Locale.ROOT, "wrote %s (%s mask: %s)%n", showMask, maskChoice,
          describe(scanMask.geometry()));
    }
    long clipSeed = Seeds.forVideo(seed, clip.sourceId(), name);
    if (sheet) {
      List<SheetTile> tiles = new ArrayList<>();
      for (Perturbation p : perturbations) {
        tiles.add(new SheetTile(name + " " + p.severity(), p.apply(clip, scanMask, clipSeed), 0));
      }
      PngWriter.writeSheet(tiles, out);
    } else {
      Clip perturbed = perturbations.get(0).apply(clip, scanMask, clipSeed);
      if (isPng(out)) {
        PngWriter.writeFrame(perturbed, 0, out);
      } else {
        VideoWriter.write(perturbed, out);
      }
    }
    stdout.printf(Locale.ROOT, "wrote %s (%s, %s mask, seed %d)%n", out,
        sheet ? name + " at every severity" : name + " severity " + severity, maskChoice, seed);
    stdout.flush();
    return 0;
  }

  /** The mask for {@code clip}; a clip without a fan is the user's input error, naming the file. */
  private ScanMask maskFor(MaskChoice choice, Clip clip) {
    try {
      return choice.maskFor(clip);
    } catch (InputException e) {
      throw new InputException(video + ": " + e.getMessage(), e);
    }
  }

  private static String describe(SectorGeometry fan) {
    return String.format(Locale.ROOT,
        "apex (%.1f, %.1f), edges %.1f° and %.1f° from vertical, radii %.1f to %.1f px",
        fan.apexX(), fan.apexY(), Math.toDegrees(fan.leftAngle()),
        Math.toDegrees(fan.rightAngle()), fan.nearRadius(), fan.radius());
  }

  /** Checks the arguments before anything is read or written. */
  private void requireArguments() {
    if (video == null || name == null || out == null) {
      throw new ParameterException(spec.commandLine(),
          "perturb needs VIDEO, --name and --out (or --list)");
    }
    if (showMask != null && !isPng(showMask)) {
      throw new InputException(showMask + ": the mask preview is written as .png");
    }
    if (sheet) {
      if (!isPng(out)) {
        throw new InputException(out + ": a contact sheet is written as .png");
      }
    } else {
      if (severity == null) {
        throw new ParameterException(spec.commandLine(), "perturb needs --severity (or --sheet)");
      }
      if (!isPng(out) && !VideoWriter.isVideoFile(out)) {
        throw new InputException(out + ": unknown output suffix (use .png, .avi, .mkv or .mp4)");
      }
    }
  }

  /** The perturbation at --severity, or at every severity for a sheet; validates the name. */
  private List<Perturbation> requestedPerturbations() {
    SeverityScale scale = SeverityScale.parse(severityScale);
    if (!sheet) {
      return List.of(Perturbations.parse(name, severity, scale));
    }
    List<Perturbation> all = new ArrayList<>();
    for (int k = 0; k <= Perturbations.maxSeverity(name); k++) {
      all.add(Perturbations.parse(name, k, scale));
    }
    return all;
  }

  private static boolean isPng(Path file) {
    return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(PNG);
  }
}
