package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import echobench.harness.cli.EchoBench;
import echobench.harness.data.EchoNetDynamicDataset;
import echobench.harness.data.EchoView;
import echobench.harness.synth.Cohort;
import echobench.harness.synth.CohortWriter;
import echobench.models.checkpoint.SafeTensors;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.models.nn.ParameterFactory;
import echobench.harness.video.VideoWriter;
import echobench.perturb.Clip;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    // 40 pixels: at 32, one of these 16 dark clips shows too faint a fan edge to fit, and the
    // fitted-mask test below must see only the video it blanks as fanless.
    new CohortWriter(Cohort.ADULT, 3, 40, 32, 25, List.of(EchoView.A4C), 2)
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
  void weightsOfAnotherDepthAreOneLineNamingBothArchitectures() throws IOException {
    Path weights = microWeights("shallow.safetensors", "blocks.1.", null);
    Outcome outcome = run(config(study(dynamic(cohort), "").replace(RANDOM_MICRO,
        "{name: imported, safetensors: {file: " + weights + ", encoder: micro, positions: rope}}")));
    outcome.assertBadInput(weights + ": the weights are a ViT of width 64, depth 1",
        "the config asks for width 64, depth 2", "missing keys [blocks.1.");
  }

  @Test
  void anUndeclaredPosEmbedIsRefusedInOneLine() throws IOException {
    Path weights = microWeights("with-pos-embed.safetensors", null, "module.backbone.pos_embed");
    Outcome outcome = run(config(study(dynamic(cohort), "").replace(RANDOM_MICRO,
        "{name: imported, safetensors: {file: " + weights + ", encoder: micro}}")));
    outcome.assertBadInput(weights + ": holds module.backbone.pos_embed", "positions: sincos");
  }

  /**
   * A micro ViT's state dict under {@code module.backbone.}, without the keys starting with {@code
   * drop} and with a zero {@code [1, 8, 64]} tensor named {@code extra}, when given; in a folder of
   * its own with an export manifest that agrees with the study's sampling, so the import is what is
   * tested.
   */
  private static Path microWeights(String name, String drop, String extra) throws IOException {
    Path file = Files.createDirectories(temp.resolve(name + ".export")).resolve(name);
    try (NDManager manager = NDManager.newBaseManager()) {
      VisionTransformer vit =
          new VisionTransformer(new ParameterFactory(manager, 1), VitConfig.named("micro"));
      Map<String, NDArray> tensors = new LinkedHashMap<>();
      vit.parameters().forEach((key, value) -> {
        if (drop == null || !key.startsWith(drop)) {
          tensors.put("module.backbone." + key, value);
        }
      });
      if (extra != null) {
        tensors.put(extra, manager.zeros(new Shape(1, 8, 64)));
      }
      SafeTensors.write(file, tensors);
    }
    ExportManifestTest.writeManifest(file, "safetensors", 8, 32, List.of(0, 1),
        List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225), List.of(16, 64));
    return file;
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

  private static final String RANDOM_MICRO = "{name: random, random_init: {encoder: micro}}";

  /** A minimal study: one random micro encoder, a one-epoch linear probe, one perturbation. */
  private static String study(String datasets, String extra) {
    return "name: bad input\n" + extra
        + "sampling: {frames: 8, frame_step: 2, clips: 1, resolution: 32}\n"
        + "bootstrap: {resamples: 20}\n"
        + "datasets:\n" + datasets
        + "train: adult\n"
        + "models:\n  - " + RANDOM_MICRO + "\n"
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
