package echobench.harness.pretrain;

import echobench.harness.synth.AcquisitionVariability;
import echobench.harness.synth.Cohort;
import echobench.models.pretrain.ClipSource;
import echobench.models.pretrain.PretrainData;
import echobench.reports.io.InputException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The one place where a pretraining config's {@code data.source} is understood: {@code
 * synthetic-adult} or {@code synthetic-pediatric} simulate an unlabelled cohort in memory ({@link
 * SyntheticClipSource}), their scanner settings varied or fixed as {@code data.acquisition} says
 * (default varied); anything else is the folder of a dataset in the EchoNet-Dynamic layout,
 * relative to the working directory, whose TRAIN split is read ({@link DatasetClipSource}).
 */
public final class PretrainSources {
  /** The prefix of a synthetic cohort's source name; the rest is the cohort's name. */
  public static final String SYNTHETIC_PREFIX = "synthetic-";

  private PretrainSources() {}

  /**
   * The clips {@code data} names, {@code frames} frames of {@code resolution}² pixels each.
   *
   * @throws InputException for an unknown cohort or a source that is no dataset folder
   */
  public static ClipSource open(PretrainData data, int frames, int resolution) {
    String source = data.source().strip();
    if (isSynthetic(data)) {
      Cohort cohort = Cohort.named(source.substring(SYNTHETIC_PREFIX.length()))
          .orElseThrow(() -> new InputException("data.source '" + source + "' names no cohort (known: "
              + Cohort.all().stream().map(c -> SYNTHETIC_PREFIX + c.name())
                  .collect(Collectors.joining(", ")) + ")"));
      int subjects = data.clips() > 0 ? data.clips() : SyntheticClipSource.DEFAULT_SUBJECTS;
      return SyntheticClipSource.simulate(cohort, subjects, data.seed(), frames, resolution,
          variability(data));
    }
    Path root = datasetRoot(source).orElseThrow(() -> new InputException(
        "data.source '" + source + "' is neither a synthetic cohort (" + SYNTHETIC_PREFIX
            + "adult, " + SYNTHETIC_PREFIX + "pediatric) nor a dataset folder"));
    return DatasetClipSource.open(root, data.clips(), data.seed(), frames, resolution);
  }

  /** Whether {@code data} names a synthetic cohort, simulated rather than read from a folder. */
  public static boolean isSynthetic(PretrainData data) {
    return data.source().strip().startsWith(SYNTHETIC_PREFIX);
  }

  /**
   * The scanner-setting variability {@code data.acquisition} asks for (varied when absent).
   *
   * @throws InputException for a value other than varied or fixed, or one given for a source that
   *     is not synthetic
   */
  public static AcquisitionVariability variability(PretrainData data) {
    String given = data.acquisition();
    if (given == null) {
      return AcquisitionVariability.VARIED;
    }
    if (!isSynthetic(data)) {
      throw new InputException("data.acquisition applies to a synthetic cohort, not to '"
          + data.source().strip() + "'");
    }
    return AcquisitionVariability.named(given).orElseThrow(() -> new InputException(
        "data.acquisition must be varied or fixed, not '" + given + "'"));
  }

  private static Optional<Path> datasetRoot(String source) {
    try {
      Path root = Path.of(source);
      return Files.isDirectory(root) ? Optional.of(root) : Optional.empty();
    } catch (InvalidPathException e) {
      return Optional.empty();
    }
  }
}
