package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.cli.EchoBench;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two whole runs started at once in one parent folder, needing the same synthetic cohort that is
 * not cached yet, both finish, share one generated cohort and write byte-identical tables. They are
 * two processes, as concurrent runs are: DJL lets one gradient collector record at a time in a JVM.
 */
class ConcurrentRunsTest {
  @TempDir Path parent;

  @Test
  void twoRunsSharingAnUncachedCohortWriteIdenticalTables() throws Exception {
    Path config = Files.writeString(parent.resolve("tiny.yaml"), "name: concurrent\n"
        + "sampling: {frames: 4, frame_step: 1, clips: 1, resolution: 32}\n"
        + "bootstrap: {resamples: 20}\n"
        + "datasets:\n  adult: {kind: synthetic, cohort: adult, count: 16, size: 32, frames: 8,"
        + " fps: 25, seed: 5}\n"
        + "train: adult\n"
        + "models:\n  - {name: random, random_init: {encoder: micro, seed: 0}}\n"
        + "  - {name: other, random_init: {encoder: micro, seed: 1}}\n"
        + "probes:\n  - {kind: linear, epochs: 1, batch: 8, lr: [0.001], wd: [0.01]}\n"
        + "perturbations:\n  - {name: depth-exp, severities: [1]}\n");
    List<Path> outs = List.of(parent.resolve("first"), parent.resolve("second"));
    List<Process> runs = new ArrayList<>();
    for (Path out : outs) {
      runs.add(new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
          .toString(), "-Dai.djl.offline=true", "-cp", System.getProperty("java.class.path"),
          EchoBench.class.getName(), "run", config.toString(), "--out", out.toString(),
          "--device", "cpu", "--debug")
          .redirectErrorStream(true).redirectOutput(out.resolveSibling(out.getFileName() + ".log")
              .toFile())
          .start());
    }
    for (int i = 0; i < runs.size(); i++) {
      assertThat(runs.get(i).waitFor(180, TimeUnit.SECONDS)).isTrue();
      Path log = outs.get(i).resolveSibling(outs.get(i).getFileName() + ".log");
      assertThat(runs.get(i).exitValue()).as(Files.readString(log)).isZero();
    }

    for (String table : List.of("results.csv", "predictions.csv", "summary.csv")) {
      assertThat(outs.get(0).resolve(table)).isNotEmptyFile();
      assertThat(Files.readAllBytes(outs.get(1).resolve(table))).as(table)
          .isEqualTo(Files.readAllBytes(outs.get(0).resolve(table)));
    }
    try (Stream<Path> cache = Files.list(parent.resolve(".echobench-cache"))) {
      List<String> names = cache.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(names).hasSize(2);
      assertThat(names.get(1)).isEqualTo(names.get(0) + ".lock");
      assertThat(names.get(0)).startsWith("synthetic-adult-");
    }
  }
}
