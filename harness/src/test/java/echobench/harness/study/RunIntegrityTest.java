package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import echobench.harness.IntegrityException;
import echobench.harness.cli.EchoBench;
import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.EchoView;
import echobench.harness.data.Sample;
import echobench.harness.data.Split;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortWriter;
import echobench.reports.Condition;
import echobench.reports.results.Prediction;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Run integrity: a finished run records in {@code run.json} the SHA-256 of its config and trained
 * probe (recomputed here with the JDK's digest), the thread counts and one checked group per model
 * and condition; a cached prediction group that lost a prediction or had two videos swapped
 * (the seam: the run cache a {@code --resume} reads back) stops the run with one line, exit 3,
 * and no table.
 */
class RunIntegrityTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path temp;
  private static Path config;
  private static Path finished;
  private static List<String> testVideos;
  private static String finishedStdout;

  /** One small study run to the end: 16 videos, a random micro encoder, one perturbation. */
  @BeforeAll
  static void runStudy() throws IOException {
    Path cohort = temp.resolve("cohort");
    new CohortWriter(Cohort.ADULT, 3, 32, 32, 25, List.of(EchoView.A4C), 2)
        .write(16, cohort, () -> { });
    testVideos = EchoNetDynamicDataset.load(cohort).samples(Split.TEST).stream()
        .map(Sample::id).toList();
    config = temp.resolve("study.yaml");
    Files.writeString(config, "name: integrity\n"
        + "sampling: {frames: 8, frame_step: 2, clips: 1, resolution: 32}\n"
        + "bootstrap: {resamples: 20}\n"
        + "datasets:\n  adult:\n    kind: echonet-dynamic\n    root: " + cohort + "\n"
        + "train: adult\n"
        + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
        + "probes:\n  - {kind: linear, epochs: 1, batch: 8, lr: [0.001], wd: [0.01]}\n"
        + "perturbations:\n  - {name: depth-exp, severities: [2]}\n");
    finished = temp.resolve("finished");
    Outcome outcome = run(finished, false);
    assertThat(outcome.exit()).as(outcome.err()).isZero();
    finishedStdout = outcome.out();
  }

  @Test
  void runJsonRecordsDigestsThreadsAndEveryCheckedGroup() throws IOException {
    JsonNode integrity = JSON.readTree(finished.resolve("run.json").toFile()).get("integrity");
    assertThat(integrity.get("config_sha256").asText()).isEqualTo(TestFiles.sha256(config));
    assertThat(integrity.get("git_commit").asText()).isNotBlank();
    assertThat(integrity.get("threads").get("intra_op").asInt()).isPositive();
    assertThat(integrity.get("weights").get("random").size()).as("a random init loads no file")
        .isZero();
    Path probe;
    try (Stream<Path> dirs = Files.list(finished.resolve("cache").resolve("probes"))) {
      probe = dirs.filter(d -> d.getFileName().toString().startsWith("random-linear-"))
          .findFirst().orElseThrow();
    }
    JsonNode probeFiles = integrity.get("probes").get("random/linear");
    assertThat(probeFiles.get("weights.safetensors").asText())
        .isEqualTo(TestFiles.sha256(probe.resolve("weights.safetensors")));
    assertThat(probeFiles.get("probe.json").asText())
        .isEqualTo(TestFiles.sha256(probe.resolve("probe.json")));
    JsonNode groups = integrity.get("groups");
    assertThat(groups).hasSize(2);
    for (JsonNode g : groups) {
      assertThat(g.get("model").asText()).isEqualTo("random/linear");
      assertThat(g.get("videos_in").asInt()).isEqualTo(testVideos.size());
      assertThat(g.get("predictions_out").asInt()).isEqualTo(testVideos.size());
    }
    assertThat(groups.get(1).get("perturbation").asText()).isEqualTo("depth-exp");
    assertThat(finishedStdout).contains("integrity: 2 prediction groups checked ("
        + 2 * testVideos.size() + " predictions: videos in = predictions out, same order, own"
        + " labels); config SHA-256 " + TestFiles.sha256(config).substring(0, 12));
  }

  @Test
  void aDroppedPredictionStopsTheRunInOneLine() throws IOException {
    Outcome outcome = resumeTampered("dropped", group -> {
      for (String field : List.of("videos", "targets", "predictions", "scores")) {
        ArrayNode values = (ArrayNode) group.get(field);
        values.remove(values.size() - 1);
      }
    });
    outcome.assertViolation("random/linear on adult under depth-exp@2: "
        + testVideos.size() + " videos in, " + (testVideos.size() - 1) + " predictions out");
  }

  @Test
  void twoSwappedVideosStopTheRunInOneLine() throws IOException {
    Outcome outcome = resumeTampered("swapped", group -> {
      for (String field : List.of("videos", "targets", "predictions", "scores")) {
        ArrayNode values = (ArrayNode) group.get(field);
        JsonNode first = values.get(0);
        values.set(0, values.get(1));
        values.set(1, first);
      }
    });
    outcome.assertViolation("random/linear on adult under depth-exp@2: prediction 1 is for video "
        + testVideos.get(1) + ", but video 1 in is " + testVideos.get(0)
        + " (order changed or video replaced)");
  }

  @Test
  void aTargetThatIsNotTheVideosLabelIsASubstitutedClip() {
    PredictionGroupFile group = new PredictionGroupFile("m/p", "d", "none", 0,
        List.of("a", "b"), new double[] {50, 61}, new double[] {52, 58}, new double[2][0], List.of());
    group.requireCovers(List.of("a", "b"), new double[] {50, 61});
    assertThatThrownBy(() -> group.requireCovers(List.of("a", "b"), new double[] {50, 40}))
        .isInstanceOf(IntegrityException.class)
        .hasMessage("m/p on d under clean: video b carries target 61.0, not its label 40.0"
            + " (a clip of another video stood in)");
  }

  @Test
  void gatheredGroupsOfADatasetMustListTheSameVideos() {
    Condition shadow = new Condition("shadow-gauss", 1);
    List<Prediction> aligned = List.of(
        new Prediction("a/linear", "adult", Condition.CLEAN, "v1", 50, 51),
        new Prediction("a/linear", "adult", Condition.CLEAN, "v2", 60, 59),
        new Prediction("a/linear", "adult", shadow, "v1", 50, 48),
        new Prediction("a/linear", "adult", shadow, "v2", 60, 57));
    RunIntegrity.requireAligned(aligned);
    List<Prediction> reordered = List.of(aligned.get(0), aligned.get(1), aligned.get(3),
        aligned.get(2));
    assertThatThrownBy(() -> RunIntegrity.requireAligned(reordered))
        .isInstanceOf(IntegrityException.class)
        .hasMessage("a/linear under shadow-gauss@1 on adult lists its videos in another order than"
            + " a/linear under clean");
  }

  /** A copy of the finished run whose cached perturbed group was edited, resumed. */
  private static Outcome resumeTampered(String name, Consumer<ObjectNode> edit)
      throws IOException {
    Path copy = temp.resolve(name);
    try (Stream<Path> paths = Files.walk(finished)) {
      for (Path p : paths.toList()) {
        Path target = copy.resolve(finished.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target);
        }
      }
    }
    for (String table : List.of("results.csv", "predictions.csv", "run.json")) {
      Files.delete(copy.resolve(table));
    }
    try (Stream<Path> files = Files.list(copy.resolve("cache").resolve("predictions"))) {
      for (Path file : files.toList()) {
        ObjectNode group = (ObjectNode) JSON.readTree(file.toFile());
        if (group.get("perturbation").asText().equals("depth-exp")) {
          edit.accept(group);
          JSON.writeValue(file.toFile(), group);
        }
      }
    }
    return run(copy, true);
  }

  private static Outcome run(Path out, boolean resume) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(stdout, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = resume
          ? EchoBench.execute("run", config.toString(), "--out", out.toString(), "--device", "cpu",
              "--resume")
          : EchoBench.execute("run", config.toString(), "--out", out.toString(), "--device", "cpu");
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new Outcome(exit, stdout.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8), out);
  }

  /** The exit status, stdout and stderr of one run. */
  private record Outcome(int exit, String out, String err, Path folder) {
    void assertViolation(String message) {
      List<String> lines = Arrays.stream(err.split("\\R")).filter(l -> !l.isBlank())
          .filter(l -> !l.startsWith("SLF4J")).toList();
      assertThat(exit).as(err).isEqualTo(3);
      assertThat(lines).as(err)
          .containsExactly("echobench: run integrity violated: " + message);
      assertThat(folder.resolve("results.csv")).doesNotExist();
      assertThat(folder.resolve("run.json")).doesNotExist();
    }
  }
}
