package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.cli.EchoBench;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny study run as 3 shards in 3 processes at once into one run folder, then merged, writes the
 * same bytes of results.csv, predictions.csv and summary.csv as one process running it whole
 * (started alongside, with the same thread counts). Before that, one shard is killed once its first
 * cache file appears; it is restarted with the others and finishes the same bytes, and a merge of
 * the unfinished folder is refused in one line. Afterwards a truncated, then a foreign, feature
 * store in the resumed run's cache is refused in one line naming it, never read as features.
 */
class ShardedRunTest {
  private static final List<String> TABLES = List.of("results.csv", "predictions.csv",
      "summary.csv");

  @TempDir Path parent;

  @Test
  void threeShardsMergeToTheOneProcessTablesAndADamagedStoreIsRefused() throws Exception {
    Path config = Files.writeString(parent.resolve("tiny.yaml"), "name: sharded\n"
        + "sampling: {frames: 4, frame_step: 1, clips: 1, resolution: 32}\n"
        + "bootstrap: {resamples: 20}\n"
        + "feature_store: {dtype: float32}\n"
        + "datasets:\n  adult: {kind: synthetic, cohort: adult, count: 16, size: 32, frames: 8,"
        + " fps: 25, seed: 5}\n"
        + "train: adult\n"
        + "models:\n  - {name: random, random_init: {encoder: micro, seed: 0}}\n"
        + "  - {name: other, random_init: {encoder: micro, seed: 1}}\n"
        + "probes:\n  - {kind: linear, epochs: 1, batch: 8, lr: [0.001], wd: [0.01]}\n"
        + "perturbations:\n  - {name: depth-exp, severities: [1]}\n");
    Path whole = parent.resolve("whole");
    Path sharded = parent.resolve("sharded");

    Process killed = child(config, parent.resolve("killed"), sharded, "--shard", "1/3");
    try {
      awaitFirstCacheFile(sharded, killed);
    } finally {
      killed.destroyForcibly();
      killed.waitFor(30, TimeUnit.SECONDS);
    }
    Captured early = merge(sharded);
    assertThat(early.code()).isEqualTo(2);
    assertThat(early.lines()).hasSize(1);
    assertThat(early.lines().get(0)).contains(sharded.toString(), "no finished shard");

    List<Process> runs = new ArrayList<>();
    List<Path> logs = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      logs.add(parent.resolve("shard" + i));
      runs.add(child(config, logs.get(i), sharded, "--shard", i + "/3"));
    }
    logs.add(parent.resolve("one-process"));
    runs.add(child(config, logs.get(3), whole));
    for (int i = 0; i < runs.size(); i++) {
      assertThat(runs.get(i).waitFor(240, TimeUnit.SECONDS)).isTrue();
      assertThat(runs.get(i).exitValue()).as(Files.readString(log(logs.get(i)))).isZero();
    }
    for (String table : TABLES) {
      assertThat(sharded.resolve(table)).as("a shard writes no table").doesNotExist();
    }

    Captured merged = merge(sharded);
    assertThat(merged.code()).as(merged.err()).isZero();
    for (String table : TABLES) {
      assertThat(whole.resolve(table)).isNotEmptyFile();
      assertThat(Files.readAllBytes(sharded.resolve(table))).as(table)
          .isEqualTo(Files.readAllBytes(whole.resolve(table)));
    }

    byte[] results = Files.readAllBytes(sharded.resolve("results.csv"));
    Path features = sharded.resolve(RunCache.FOLDER).resolve("features");
    Path store = storeOf(features, "random-TRAIN-");
    byte[] intact = Files.readAllBytes(store);
    Path probes = sharded.resolve(RunCache.FOLDER).resolve("probes");
    Files.write(store, Arrays.copyOf(intact, intact.length / 2));
    assertRefusedNaming(sharded, config, probes, store);
    Files.copy(storeOf(features, "other-TRAIN-"), store, StandardCopyOption.REPLACE_EXISTING);
    assertRefusedNaming(sharded, config, probes, store);
    assertThat(Files.readAllBytes(sharded.resolve("results.csv"))).isEqualTo(results);
  }

  /** A resumed run that must refit the probes from {@code store} stops in one line naming it. */
  private static void assertRefusedNaming(Path run, Path config, Path probes, Path store)
      throws IOException {
    FileTrees.delete(probes);
    Captured resumed = capture("run", config.toString(), "--out", run.toString(), "--resume",
        "--device", "cpu");
    assertThat(resumed.code()).isEqualTo(2);
    assertThat(resumed.lines()).hasSize(1);
    assertThat(resumed.lines().get(0)).contains(store.toString());
  }

  private static Path storeOf(Path features, String prefix) throws IOException {
    try (Stream<Path> files = Files.list(features)) {
      return files.filter(f -> f.getFileName().toString().startsWith(prefix)
          && f.getFileName().toString().endsWith(".features")).findFirst().orElseThrow();
    }
  }

  /** {@code echobench run CONFIG --out OUT ARGS} in a child JVM with this JVM's settings. */
  private static Process child(Path config, Path logBase, Path out, String... args)
      throws IOException {
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
    command.addAll(List.of(EchoBench.class.getName(), "run", config.toString(), "--out",
        out.toString(), "--device", "cpu", "--debug"));
    command.addAll(List.of(args));
    return new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log(logBase).toFile()).start();
  }

  private static Path log(Path base) {
    return base.resolveSibling(base.getFileName() + ".log");
  }

  /** Waits until a feature store, probe or prediction group lies in {@code run}'s cache. */
  private static void awaitFirstCacheFile(Path run, Process child)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      assertThat(child.isAlive()).as("the shard ended before it could be killed").isTrue();
      for (String entry : List.of("features", "probes", "predictions")) {
        Path dir = run.resolve(RunCache.FOLDER).resolve(entry);
        if (Files.isDirectory(dir)) {
          try (Stream<Path> files = Files.list(dir)) {
            if (files.anyMatch(f -> !f.getFileName().toString().contains("partial")
                && !f.getFileName().toString().startsWith("."))) {
              return;
            }
          }
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the shard wrote no cache file");
  }

  private static Captured merge(Path run) {
    return capture("merge", run.toString(), "--device", "cpu");
  }

  /** What one in-process command printed on stderr, and its exit status. */
  private record Captured(int code, String err) {
    List<String> lines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private static Captured capture(String... args) {
    PrintStream old = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      code = EchoBench.execute(args);
    } finally {
      System.setErr(old);
    }
    return new Captured(code, err.toString(StandardCharsets.UTF_8));
  }
}
