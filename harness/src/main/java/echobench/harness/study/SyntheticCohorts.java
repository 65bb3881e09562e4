package echobench.harness.study;

import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortWriter;
import echobench.harness.synth.EchoSimulator;
import echobench.reports.io.AtomicFiles;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Generates the synthetic datasets of a study on demand into a cache folder, one folder per
 * distinct set of settings and simulator ({@code synthetic-<cohort>-<hash of the settings and
 * the simulator's revision>}), and reuses a folder that is already complete: a cohort drawn by an
 * older simulator is never mistaken for one of today's. Because the folder is part of every
 * video's path, the samples' fingerprints (and so the cached features, probes and predictions
 * made from them) change with it. A cohort is written into a {@code .partial} folder and moved
 * into place when whole, so an interrupted generation is never mistaken for a finished one; a lock
 * makes concurrent runs that share the cache wait for one another.
 */
final class SyntheticCohorts {
  /** One lock per cohort folder for the threads of this process (file locks are per process). */
  private static final Map<Path, ReentrantLock> GENERATING = new ConcurrentHashMap<>();

  private final Path cache;
  private final StudyProgress progress;

  /** Cohorts kept under {@code cache}, generation shown by {@code progress}. */
  SyntheticCohorts(Path cache, StudyProgress progress) {
    this.cache = cache;
    this.progress = progress;
  }

  /**
   * The root of the cohort {@code config} describes, generating it first when it is not cached.
   * Generation holds a lock on {@code <root>.lock} (a file lock against other processes, a lock
   * per folder against other threads of this one), so concurrent runs sharing the cache generate
   * each cohort once and all see it whole.
   */
  Path materialise(SyntheticSpec config) {
    Cohort cohort = config.simulated();
    String key = key(config, EchoSimulator.REVISION);
    Path root = cache.resolve("synthetic-" + cohort.name() + "-" + key).toAbsolutePath()
        .normalize();
    if (Files.isDirectory(root)) {
      return root;
    }
    ReentrantLock inProcess = GENERATING.computeIfAbsent(root, r -> new ReentrantLock());
    inProcess.lock();
    try {
      Files.createDirectories(cache);
      try (FileChannel lockFile = FileChannel.open(cache.resolve(root.getFileName() + ".lock"),
          StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
        lockFile.lock(); // held until the channel closes
        if (!Files.isDirectory(root)) {
          generate(config, cohort, root);
        }
      }
    } catch (IOException e) {
      throw new InputException(
          cache + ": cannot write the synthetic dataset cache (" + e.getMessage() + ")", e);
    } finally {
      inProcess.unlock();
    }
    return root;
  }

  /**
   * The cache key of the cohort {@code config} describes, as simulator revision {@code revision}
   * draws it. The view filter applies when the cohort is read, not when it is drawn: one cohort on
   * disk serves a study of all its views and one of a single view.
   */
  static String key(SyntheticSpec config, int revision) {
    return Fingerprint.of("synthetic-cohort").addJson(config.withoutViewFilter())
        .add("simulator revision").add(revision).hex();
  }

  /** Writes the cohort into {@code <root>.partial} and moves it to {@code root} when whole. */
  private void generate(SyntheticSpec config, Cohort cohort, Path root) throws IOException {
    Path partial = AtomicFiles.stagingFolder(root);
    CohortWriter writer = new CohortWriter(cohort, config.seed(), config.size(),
        config.frames(), config.fps(),
        config.simulatedViews(),
        Runtime.getRuntime().availableProcessors(), config.isBiplane(), config.variability());
    try (StudyProgress.Bar bar = progress.bar("synthesise " + cohort.name(),
        writer.videos(config.count()))) {
      writer.write(config.count(), partial, () -> bar.step(1));
    }
    AtomicFiles.publishFolder(partial, root);
  }
}
