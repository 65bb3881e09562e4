package echobench.harness.cli;

import echobench.harness.study.FeatureExtraction;
import echobench.harness.study.ModelSpec;
import echobench.harness.study.SamplingConfig;
import echobench.models.Devices;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code echobench features MODEL_SPEC VIDEO... --out FILE.npy}: the frozen tokens of the videos'
 * clips, cut and normalised as a study does, as a float32 NumPy array.
 */
@Command(
    name = "features",
    sortOptions = false,
    description = {
      "Write the frozen tokens of videos' clips as a float32 .npy array.",
      "Shape [videos*clips, tokens, D] (or [videos*clips, D] with --pooled), videos in the order"
          + " given, each video's clips in time order; clips are cut, resized, cropped and"
          + " normalised exactly as in a study."
    })
final class FeaturesCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "MODEL_SPEC",
      description = "A study's model block: a YAML file, or inline YAML such as"
          + " '{checkpoint: zoo:jepa-echo-tiny}' (name optional).")
  String model;

  @Parameters(index = "1..*", arity = "1..*", paramLabel = "VIDEO", description = "Input videos.")
  List<Path> videos;

  @Option(names = "--out", required = true, paramLabel = "FILE.npy",
      description = "Output .npy file (written atomically).")
  Path out;

  @Option(names = "--pooled", description = "Write each clip's mean token [videos*clips, D].")
  boolean pooled;

  @Option(names = "--frames", paramLabel = "N",
      description = "Frames per clip (a study's default: 16; a TorchScript model takes its own).")
  Integer frames;

  @Option(names = "--frame-step", paramLabel = "N",
      description = "Distance between sampled frames (default: 2).")
  Integer frameStep;

  @Option(names = "--clips", paramLabel = "N", description = "Clips per video (default: 2).")
  Integer clips;

  @Option(names = "--resolution", paramLabel = "PX",
      description = "Side of the square crop (default: 224; a TorchScript model takes its own).")
  Integer resolution;

  @Option(names = "--device", paramLabel = "cpu|gpu",
      description = "Compute device (default: a GPU when present).")
  String device;

  @Mixin ZooOption zoo;

  @Override
  public Integer call() {
    SamplingConfig sampling;
    try {
      sampling = new SamplingConfig(frames, frameStep, clips, resolution);
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    FeatureExtraction.Written written = FeatureExtraction.write(ModelSpec.parse(model), zoo.zoo(),
        sampling, videos, pooled, out, Devices.resolve(device));
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.printf(Locale.ROOT, "wrote %s (float32, shape %s)%n", written.file(),
        Arrays.toString(written.shape()));
    stdout.flush();
    return 0;
  }
}
