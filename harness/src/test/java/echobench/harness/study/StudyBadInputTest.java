package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.cli.EchoBench;
import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.EchoView;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortWriter;
import echobench.harness.video.VideoWriter;
import echobench.perturb.Clip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input to {@code echobench run}: each gives one line on stderr naming the file (and line),
 * exit status 2, and no {@code results.csv}; an unreadable video within {@code max_skip_fraction}
 * is skipped and listed in {@code run.json} instead.
 */
class StudyBadInputTest {
  @TempDir static Path temp;
  private static Path cohort;

  /** A small adult cohort in the EchoNet-Dynamic layout (16 videos: 12 train, 2 val, 2 test). */
  @BeforeAll
  static void writeCohort() {
    cohort = temp.resolve("cohort");
    new CohortWriter(Cohort.ADULT, 3, 32, 32, 25, List.of(EchoView.A4C), 2)
        .write(16, cohort, () -> { });
  }

  @Test
  void anUnknownConfigKeyNamesTheFileAndLine() throws IOException {
    Path config = config("colour: red\n" + study(dynamic(cohort), ""));
    Outcome outcome = run(config);
    outcome.assertBadInput(config + ":1: unknown key 'colour'");
  }

  @Test
  void aMissingFileListIsBadInput() throws IOException {
    Path empty = Files.createDirectories(temp.resolve("empty"));
    Outcome outcome = run(config(study(dynamic(empty), "")));
    outcome.assertBadInput(empty.resolve("FileList.csv").toString(), "no such file");
  }

  @Test
  void aMalformedRowNamesItsLine() throws IOException {
    Path root = Files.createDirectories(temp.resolve("malformed"));
    Files.writeString(root.resolve("FileList.csv"),
        "FileName,EF,Split\n0X1,55.0,TRAIN\n0X2,fifty,TRAIN\n");
    Outcome outcome = run(config(study(dynamic(root), "")));
    outcome.assertBadInput(root.resolve("FileList.csv") + ":3:", "EF \"fifty\"");
  }

  @Test
  void aListPathEscapingTheRootIsBadInput() throws IOException {
    Path root = Files.createDirectories(temp.resolve("listed"));
    Path list = root.resolve("test.csv");
    Files.writeString(list, "../cohort/Videos/x.avi 50\n");
    String listed = "  listed:\n    kind: list-csv\n    root: " + root + "\n    files: {test: "
        + list + "}\n";
    Outcome outcome = run(config(study(dynamic(cohort) + listed, "evaluate: [adult, listed]\n")));
    outcome.assertBadInput(list + ":1:", "escapes the dataset root");
  }

  @Test
  void anUnreadableVideoIsSkippedWithinTheAllowedFraction() throws IOException {
    Path damaged = damagedCopy("damaged-allowed");
    Path out = temp.resolve("out-allowed");
    Outcome outcome = run(config(study(dynamic(damaged), "max_skip_fraction: 0.1\n")), out);
    assertThat(outcome.exit()).as(outcome.err()).isZero();
    String manifest = Files.readString(out.resolve("run.json"));
    assertThat(manifest).contains("\"video\" : \"" + firstTrainVideo(damaged) + "\"");
    assertThat(out.resolve("results.csv")).isNotEmptyFile();
  }

  @Test
  void tooManyUnreadableVideosStopTheRunBeforeAnyTable() throws IOException {
    Path damaged = damagedCopy("damaged-refused");
    Path out = temp.resolve("out-refused");
    Outcome outcome = run(config(study(dynamic(damaged), "")), out);
    outcome.assertBadInput(firstTrainVideo(damaged) + ".avi", "max_skip_fraction");
    assertThat(out.resolve("results.csv")).doesNotExist();
  }

  @Test
  void aVideoWithoutAFanIsASkipWhenTheGridUsesTheFittedMask() throws IOException {
    Path copy = damagedCopy("no-fan");
    String id = firstTrainVideo(copy);
    VideoWriter.write(new Clip(new float[8 * 32 * 32], 1, 8, 32, 32, 25, id),
        copy.resolve("Videos").resolve(id + ".avi"));
    Path out = temp.resolve("out-no-fan");
    Outcome outcome =
        run(config(study(dynamic(copy), "max_skip_fraction: 0.1\nmask: auto\n")), out);
    assertThat(outcome.exit()).as(outcome.err()).isZero();
    String manifest = Files.readString(out.resolve("run.json"));
    assertThat(manifest).contains("\"video\" : \"" + id + "\"")
        .contains(id + ": no ultrasound fan found (no moving grey pixels");
    assertThat(Files.readString(out.resolve("config.resolved.yaml")))
        .contains("- name: \"depth-exp\"\n  severities:\n  - 2\n  mask: \"auto\"\n");
  }

  /** A copy of the cohort whose first training video is garbage. */
  private static Path damagedCopy(String name) throws IOException {
    Path copy = temp.resolve(name);
    try (Stream<Path> paths = Files.walk(cohort)) {
      for (Path p : paths.toList()) {
        Path target = copy.resolve(cohort.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    Files.writeString(copy.resolve("Videos").resolve(firstTrainVideo(copy) + ".avi"),
        "not a video");
    return copy;
  }

  private static String firstTrainVideo(Path root) {
    return EchoNetDynamicDataset.load(root).samples(echobench.harness.data.Split.TRAIN).get(0)
        .id();
  }

  private static String dynamic(Path root) {
    return "  adult:\n    kind: echonet-dynamic\n    root: " + root + "\n";
  }

  /** A minimal study: one random micro encoder, a one-epoch linear probe, one perturbation. */
  private static String study(String datasets, String extra) {
    return "name: bad input\n" + extra
        + "sampling: {frames: 8, frame_step: 2, clips: 1, resolution: 32}\n"
        + "bootstrap: {resamples: 20}\n"
        + "datasets:\n" + datasets
        + "train: adult\n"
        + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
        + "probes:\n  - {kind: linear, epochs: 1, batch: 8, lr: [0.001], wd: [0.01]}\n"
        + "perturbations:\n  - {name: depth-exp, severities: [2]}\n";
  }

  private static Path config(String text) throws IOException {
    Path file = Files.createTempFile(temp, "study", ".yaml");
    Files.writeString(file, text);
    return file;
  }

  private static Outcome run(Path config) {
    return run(config, temp.resolve("out-" + config.getFileName()));
  }

  private static Outcome run(Path config, Path out) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = EchoBench.execute("run", config.toString(), "--out", out.toString(),
          "--device", "cpu");
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Outcome(exit, err.toString(StandardCharsets.UTF_8), out);
  }

  /** The exit status and stderr of one run. */
  private record Outcome(int exit, String err, Path out) {
    void assertBadInput(String... fragments) {
      List<String> lines = Arrays.stream(err.split("\\R")).filter(l -> !l.isBlank())
          .filter(l -> !l.startsWith("SLF4J")).toList();
      assertThat(exit).as(err).isEqualTo(EchoBench.EXIT_BAD_INPUT);
      assertThat(lines).as(err).hasSize(1);
      assertThat(lines.get(0)).contains(fragments).doesNotContain("Exception");
      assertThat(out.resolve("results.csv")).doesNotExist();
    }
  }
}
