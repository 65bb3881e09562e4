package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs that share a synthetic cache generate each cohort once: two threads and a second process
 * asking for the same uncached cohort at once all get the same complete folder.
 */
class SyntheticCohortsTest {
  private static final SyntheticSpec COHORT =
      new SyntheticSpec(null, null, "adult", 6, 32, 8, 25.0, 3L, null);

  @TempDir Path cache;

  @Test
  void aViewFilterReadsTheSameCohortOnDisk() {
    SyntheticCohorts cohorts = new SyntheticCohorts(cache, new StudyProgress(false));
    SyntheticSpec a4cOnly = new SyntheticSpec("A4C", null, "adult", 6, 32, 8, 25.0, 3L, null);
    SyntheticSpec otherSeed = new SyntheticSpec(null, null, "adult", 6, 32, 8, 25.0, 4L, null);

    Path whole = cohorts.materialise(COHORT);

    assertThat(cohorts.materialise(a4cOnly)).isEqualTo(whole);
    assertThat(cohorts.materialise(otherSeed)).isNotEqualTo(whole);
  }

  @Test
  void concurrentGenerationsShareOneCompleteCohort(@TempDir Path fresh) throws Exception {
    Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
        .toString(), "-cp", System.getProperty("java.class.path"),
        SyntheticCohortsTest.class.getName() + "$Generate", cache.toString())
        .redirectErrorStream(true).start();
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<Path>> roots = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      roots.add(threads.submit(
          () -> new SyntheticCohorts(cache, new StudyProgress(false)).materialise(COHORT)));
    }
    Path first = roots.get(0).get(60, TimeUnit.SECONDS);
    assertThat(roots.get(1).get(60, TimeUnit.SECONDS)).isEqualTo(first);
    threads.shutdown();
    assertThat(other.waitFor(60, TimeUnit.SECONDS)).isTrue();
    String printed = new String(other.getInputStream().readAllBytes()).strip();
    assertThat(other.exitValue()).as(printed).isZero();
    assertThat(Path.of(printed)).isEqualTo(first);

    Map<String, byte[]> files = contents(first);
    assertThat(files).containsKey("FileList.csv").hasSize(1 + 6);
    try (Stream<Path> entries = Files.list(cache)) {
      assertThat(entries.map(p -> p.getFileName().toString()))
          .containsExactlyInAnyOrder(first.getFileName().toString(), first.getFileName() + ".lock");
    }
    // A generation alone, in a fresh cache, writes byte-identical files.
    Path alone = new SyntheticCohorts(fresh, new StudyProgress(false)).materialise(COHORT);
    Map<String, byte[]> reference = contents(alone);
    assertThat(files.keySet()).isEqualTo(reference.keySet());
    for (String name : files.keySet()) {
      assertThat(files.get(name)).as(name).isEqualTo(reference.get(name));
    }
  }

  private static Map<String, byte[]> contents(Path root) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(root.relativize(p).toString().replace("Videos/", ""), Files.readAllBytes(p));
      }
    }
    return files;
  }

  /** The second process: generates the cohort into the cache folder given and prints its root. */
  static final class Generate {
    private Generate() {}

    public static void main(String[] args) {
      System.out.println(
          new SyntheticCohorts(Path.of(args[0]), new StudyProgress(false)).materialise(COHORT));
    }
  }
}
