package echobench.harness.study;

import echobench.harness.BadInputException;
import echobench.harness.data.EchoView;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Generates the synthetic datasets of a study on demand into a cache folder, one folder per
 * distinct set of settings ({@code synthetic-<cohort>-<hash of the settings>}), and reuses a
 * folder that is already complete. A cohort is written into a {@code .partial} folder and moved
 * into place when whole, so an interrupted generation is never mistaken for a finished one.
 */
final class SyntheticCohorts {
  private final Path cache;
  private final StudyProgress progress;

  /** Cohorts kept under {@code cache}, generation shown by {@code progress}. */
  SyntheticCohorts(Path cache, StudyProgress progress) {
    this.cache = cache;
    this.progress = progress;
  }

  /** The root of the cohort {@code config} describes, generating it first when it is not cached. */
  Path materialise(DatasetConfig config) {
    Cohort cohort = Cohort.named(config.cohort()).orElseThrow();
    String key = Fingerprint.of("synthetic-cohort").addJson(config).hex();
    Path root = cache.resolve("synthetic-" + cohort.name() + "-" + key);
    if (Files.isDirectory(root)) {
      return root;
    }
    Path partial = cache.resolve(root.getFileName() + ".partial");
    try {
      FileTrees.delete(partial);
      Files.createDirectories(partial);
      CohortWriter writer = new CohortWriter(cohort, config.seed(), config.size(),
          config.frames(), config.fps(),
          config.views() == null ? List.of(EchoView.A4C)
              : config.views().stream().map(v -> EchoView.named(v).orElseThrow()).toList(),
          Runtime.getRuntime().availableProcessors());
      try (StudyProgress.Bar bar = progress.bar("synthesise " + cohort.name(),
          writer.videos(config.count()))) {
        writer.write(config.count(), partial, () -> bar.step(1));
      }
      Files.move(partial, root, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new BadInputException(
          cache + ": cannot write the synthetic dataset cache (" + e.getMessage() + ")", e);
    }
    return root;
  }
}
