package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A study killed with SIGKILL in the middle of pretraining (after a checkpoint, with loss rows
 * written past it) and run again with {@code --resume} gives byte-identical tables to an
 * uninterrupted run. The smoke study is used with its pretraining lengthened so that the kill
 * lands between two checkpoints; the killed run is a child JVM of the same build and settings.
 */
class KilledRunResumeTest {
  private static final int STEPS = 60;
  private static final int CHECKPOINT_EVERY = 20;

  @TempDir Path temp;

  @Test
  void aRunKilledMidPretrainingResumesToTheUninterruptedResults() throws Exception {
    Path config = lengthenedSmokeConfig(temp.resolve("configs"));
    Path uninterrupted = temp.resolve("runs").resolve("uninterrupted");
    StudyRun.execute(config, new StudyRun.Options(uninterrupted, null, false, false));

    Path killed = temp.resolve("runs").resolve("killed");
    Process child = childRun(config, killed);
    try {
      awaitPretrainingPastFirstCheckpoint(killed, child);
    } finally {
      child.destroyForcibly();
      child.waitFor(30, TimeUnit.SECONDS);
    }
    assertThat(killed.resolve("results.csv")).doesNotExist();

    StudyRun.execute(config, new StudyRun.Options(killed, null, true, false));

    for (String table : List.of("results.csv", "predictions.csv", "summary.csv")) {
      assertThat(Files.readAllBytes(killed.resolve(table))).as(table)
          .isEqualTo(Files.readAllBytes(uninterrupted.resolve(table)));
    }
  }

  /** configs/smoke.yaml and its pretraining configs, with {@value #STEPS} pretraining steps. */
  private static Path lengthenedSmokeConfig(Path dir) throws IOException {
    Path smoke = SmokeConfig.path();
    Files.createDirectories(dir.resolve("pretrain"));
    for (String name : List.of("jepa-micro.yaml", "mae-micro.yaml")) {
      String text = Files.readString(smoke.resolveSibling("pretrain").resolve(name));
      String longer = text.replaceFirst("(?m)^steps: \\d+", "steps: " + STEPS)
          .replaceFirst("(?m)^checkpoint_every: \\d+", "checkpoint_every: " + CHECKPOINT_EVERY);
      assertThat(longer).contains("steps: " + STEPS, "checkpoint_every: " + CHECKPOINT_EVERY);
      Files.writeString(dir.resolve("pretrain").resolve(name), longer);
    }
    return Files.copy(smoke, dir.resolve("smoke.yaml"));
  }

  /** {@code echobench run CONFIG --out OUT} in a child JVM with this JVM's class path and settings. */
  private static Process childRun(Path config, Path out) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    for (String property : List.of("ai.djl.offline", "ai.djl.pytorch.num_threads",
        "ai.djl.pytorch.num_interop_threads")) {
      String value = System.getProperty(property);
      if (value != null) {
        command.add("-D" + property + "=" + value);
      }
    }
    command.addAll(List.of("echobench.harness.cli.EchoBench", "run", config.toString(),
        "--out", out.toString()));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(Files.createDirectories(out.getParent()).resolve("killed.log").toFile())
        .start();
  }

  /** Waits until a pretraining has checkpointed, logged steps beyond it, and is unfinished. */
  private static void awaitPretrainingPastFirstCheckpoint(Path run, Process child)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(child.isAlive()).as("the child run ended before it could be killed").isTrue();
      for (Path lossCsv : lossLogs(run)) {
        long rows = lines(lossCsv) - 1;
        boolean checkpointed = Files.isDirectory(lossCsv.resolveSibling("checkpoint"));
        if (checkpointed && rows > CHECKPOINT_EVERY && rows % CHECKPOINT_EVERY != 0
            && rows < STEPS) {
          return;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("pretraining never got past its first checkpoint");
  }

  private static List<Path> lossLogs(Path run) throws IOException {
    Path models = run.resolve(RunCache.FOLDER).resolve("models");
    if (!Files.isDirectory(models)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(models, 2)) {
      return files.filter(f -> f.getFileName().toString().equals("loss.csv")).toList();
    }
  }

  private static long lines(Path file) throws IOException {
    try (Stream<String> lines = Files.lines(file)) {
      return lines.count();
    }
  }
}
