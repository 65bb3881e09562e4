package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import echobench.harness.cli.EchoBench;
import echobench.reports.io.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * External models and their {@code model.json}: the TorchScript fixture of the models module
 * (4 frames of 16×16, no normalisation, a pooled 8-d output) and the zoo's JEPA weights as an
 * external safetensors file load when the manifest agrees with the config and the weights' SHA-256
 * (recomputed here with the JDK), and are refused in one line naming the file when it is missing
 * or any declared value disagrees.
 */
public class ExportManifestTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;
  private Path torchscript;
  private Path safetensors;

  @BeforeEach
  void exportFixtures() throws IOException {
    torchscript = Files.createDirectories(dir.resolve("tiny")).resolve("encoder.pt");
    Files.copy(TestFiles.projectFile("models/src/test/resources/torchscript/tiny_encoder.pt"), torchscript);
    writeManifest(torchscript, "torchscript", 4, 16, List.of(0, 1), List.of(0, 0, 0),
        List.of(1, 1, 1), List.of(8));
    safetensors = Files.createDirectories(dir.resolve("jepa")).resolve("encoder.safetensors");
    Files.copy(TestFiles.projectFile("models/zoo/jepa-echo-tiny/weights.safetensors"), safetensors);
    writeManifest(safetensors, "safetensors", 16, 32, List.of(0, 1),
        List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225), List.of(8 * 2 * 2, 128));
  }

  @Test
  void anAgreeingTorchScriptManifestLoadsAndItsDigestIsRecorded() throws IOException {
    try (NDManager manager = NDManager.newBaseManager();
        StudyEncoder encoder = load(torchscriptModel("none", 4, 16), manager)) {
      assertThat(encoder.encoder().embedDim()).isEqualTo(8);
      assertThat(encoder.weights())
          .isEqualTo(Map.of(torchscript.toString(), TestFiles.sha256(torchscript)));
    }
  }

  @Test
  void anAgreeingSafetensorsManifestLoads() throws IOException {
    try (NDManager manager = NDManager.newBaseManager();
        StudyEncoder encoder = load(safetensorsModel(), manager)) {
      assertThat(encoder.encoder().embedDim()).isEqualTo(128);
      assertThat(encoder.weights())
          .isEqualTo(Map.of(safetensors.toString(), TestFiles.sha256(safetensors)));
    }
  }

  @Test
  void aMissingManifestIsRefused() throws IOException {
    Files.delete(torchscript.resolveSibling("model.json"));
    assertRefused(torchscriptModel("none", 4, 16), torchscript + ": no model.json manifest beside"
        + " it (write it with the export scripts of tools/export/)");
  }

  @Test
  void weightsThatAreNotTheExportedFileAreRefused() throws IOException {
    Files.write(torchscript, new byte[] {0}, StandardOpenOption.APPEND);
    assertRefused(torchscriptModel("none", 4, 16), torchscript + ": SHA-256 " + TestFiles.sha256(torchscript)
        + " differs from the");
  }

  @Test
  void framesResolutionAndNormalisationMustAgreeWithTheConfig() {
    Path manifest = torchscript.resolveSibling("model.json");
    assertRefused(torchscriptModel("none", 8, 16),
        manifest + ": declares 4 frames, but the config gives 8");
    assertRefused(torchscriptModel("none", 4, 32),
        manifest + ": declares resolution 16, but the config gives 32x32");
    assertRefused(torchscriptModel("echoprime", 4, 16), manifest
        + ": declares value range [0.0, 1.0], but the config's normalization takes [0, 255.0]");
    assertRefused(torchscriptModel("imagenet", 4, 16), manifest
        + ": declares mean [0.0, 0.0, 0.0] std [1.0, 1.0, 1.0], but the config's normalization"
        + " has mean [0.485, 0.456, 0.406] std [0.229, 0.224, 0.225]");
  }

  @Test
  void aDeclaredOutputOrChannelOrderThatDisagreesIsRefused() throws IOException {
    Path manifest = torchscript.resolveSibling("model.json");
    edit(manifest, m -> ((ObjectNode) m.get("output")).putArray("shape").add(16));
    assertRefused(torchscriptModel("none", 4, 16),
        manifest + ": declares output [16] per clip, but the model gives [1, 8]");
    edit(manifest, m -> {
      ((ObjectNode) m.get("output")).putArray("shape").add(8);
      ((ObjectNode) m.get("input")).put("channel_order", "BGR");
    });
    assertRefused(torchscriptModel("none", 4, 16),
        manifest + ": declares channel order BGR, but EchoBench feeds RGB");
  }

  @Test
  void aSafetensorsExportForAnotherSamplingIsRefused() {
    Path manifest = safetensors.resolveSibling("model.json");
    ModelConfig model = safetensorsModel();
    EncoderLoader loader = new EncoderLoader(dir, ModelZoo.forCommand(null), dir.resolve("cache"),
        new SamplingConfig(16, 2, 1, 64), Device.cpu());
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> loader.load(model, manager))
          .isInstanceOf(InputException.class)
          .hasMessage(manifest + ": declares resolution 32, but the config gives 64x64");
    }
  }

  @Test
  void theCommandLineRefusesAModelWithoutManifestInOneLine() throws IOException {
    Files.delete(torchscript.resolveSibling("model.json"));
    Path out = dir.resolve("features.npy");
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = EchoBench.execute("features", "{torchscript: {file: " + torchscript
          + ", normalization: none, frames: 4, resolution: 16}}", torchscript.toString(),
          "--out", out.toString(), "--device", "cpu");
    } finally {
      System.setErr(oldErr);
    }
    List<String> lines = err.toString(StandardCharsets.UTF_8).lines()
        .filter(l -> !l.isBlank()).toList();
    assertThat(exit).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(lines).containsExactly("echobench: " + torchscript
        + ": no model.json manifest beside it (write it with the export scripts of tools/export/)");
    assertThat(out).doesNotExist();
  }

  private StudyEncoder load(ModelConfig model, NDManager manager) {
    return new EncoderLoader(dir, ModelZoo.forCommand(null), dir.resolve("cache"), new SamplingConfig(16, 2, 1, 32),
        Device.cpu()).load(model, manager);
  }

  private void assertRefused(ModelConfig model, String message) {
    try (NDManager manager = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> load(model, manager))
          .isInstanceOf(InputException.class)
          .hasMessageStartingWith(message);
    }
  }

  private static ModelConfig torchscriptModel(String normalization, int frames, int resolution) {
    return new ModelConfig("external",
        new TorchScriptSource("tiny/encoder.pt", normalization, frames, resolution));
  }

  private static ModelConfig safetensorsModel() {
    return new ModelConfig("external",
        new SafetensorsSource("jepa/encoder.safetensors", "mini", null, null));
  }

  /** Writes an export manifest for {@code weights} as tools/export does. */
  public static void writeManifest(Path weights, String kind, int frames, int resolution,
      List<Number> range, List<Number> mean, List<Number> std, List<Integer> output)
      throws IOException {
    ObjectNode m = JSON.createObjectNode();
    m.put("format", "echobench-export/1").put("family", "test");
    m.putObject("weights").put("file", weights.getFileName().toString()).put("kind", kind)
        .put("sha256", TestFiles.sha256(weights));
    ObjectNode input = m.putObject("input").put("layout", "B,C,T,H,W").put("frames", frames)
        .put("resolution", resolution).put("channel_order", "RGB");
    range.forEach(v -> input.withArray("value_range").add(v.doubleValue()));
    mean.forEach(v -> input.withArray("mean").add(v.doubleValue()));
    std.forEach(v -> input.withArray("std").add(v.doubleValue()));
    ObjectNode out = m.putObject("output");
    output.forEach(v -> out.withArray("shape").add(v));
    m.putObject("upstream").put("repository", "none").put("commit", "none")
        .put("checkpoint", "test");
    JSON.writeValue(weights.resolveSibling("model.json").toFile(), m);
  }

  private static void edit(Path manifest, Consumer<ObjectNode> change) throws IOException {
    ObjectNode m = (ObjectNode) JSON.readTree(manifest.toFile());
    change.accept(m);
    JSON.writeValue(manifest.toFile(), m);
  }
}
