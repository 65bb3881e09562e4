package echobench.models.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import echobench.models.encoder.SincosPositions3d;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.models.nn.ParameterFactory;
import echobench.models.probe.AttentiveHead;
import echobench.models.probe.AttentiveProbeConfig;
import echobench.models.probe.FeatureLayout;
import echobench.models.probe.ProbeTask;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Import fidelity against upstream: every fixture under {@code golden/} was written by
 * facebookresearch/vjepa2's own encoder code ({@code tools/golden/make_golden.py}); EchoBench imports
 * its weights and must reproduce upstream's tokens (and probe output) within 1e-4.
 */
class GoldenImportTest {
  private static final double TOLERANCE = 1e-4;
  private static final String[] FIXTURES = {
    "rope-square", "rope-nonsquare", "sincos", "sincos-fewer-frames", "sincos-resized", "rope-head2",
    "rope-head4", "micro-video"
  };

  @TempDir Path dir;
  private NDManager manager;

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private static Path fixture(String name) {
    try {
      return Path.of(GoldenImportTest.class.getResource("/golden").toURI()).resolve(name);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode description(String name) throws IOException {
    return new ObjectMapper().readTree(fixture(name).resolve("fixture.json").toFile());
  }

  /** The ViT the fixture's upstream keyword arguments describe. */
  private static VitConfig config(JsonNode fixture) {
    JsonNode e = fixture.get("encoder");
    JsonNode size = e.get("img_size");
    int height = size.isArray() ? size.get(0).asInt() : size.asInt();
    return new VitConfig(
        e.get("embed_dim").asInt(),
        e.get("depth").asInt(),
        e.get("num_heads").asInt(),
        e.get("mlp_ratio").asDouble(),
        e.get("tubelet_size").asInt(),
        e.get("patch_size").asInt(),
        e.get("num_frames").asInt(),
        height,
        e.get("use_rope").asBoolean() ? VitConfig.Positions.ROPE : VitConfig.Positions.SINCOS);
  }

  private VJepaImporter.Imported load(String name, VitConfig config) {
    return VJepaImporter.importEncoder(
        fixture(name).resolve("weights.safetensors"),
        config,
        VJepaImporter.Section.TARGET_ENCODER,
        VJepaImporter.PosEmbed.REFUSE,
        manager);
  }

  private static double maxAbsDiff(NDArray actual, NDArray expected) {
    assertThat(actual.getShape()).isEqualTo(expected.getShape());
    return actual.sub(expected).abs().max().getFloat();
  }

  @Test
  void everyFixtureFolderIsTested() throws IOException {
    try (Stream<Path> folders = Files.list(fixture(""))) {
      Set<String> names =
          folders.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
      assertThat(names).containsExactlyInAnyOrder(FIXTURES);
    }
  }

  static Stream<String> fixtures() {
    return Stream.of(FIXTURES);
  }

  @ParameterizedTest
  @MethodSource("fixtures")
  void importedEncoderReproducesUpstreamTokens(String name) throws IOException {
    JsonNode fixture = description(name);
    VisionTransformer encoder = load(name, config(fixture)).encoder();
    Map<String, NDArray> io = SafeTensors.read(fixture(name).resolve("io.safetensors"), manager);
    NDArray tokens = encoder.forward(io.get("input"), null);
    double diff = maxAbsDiff(tokens, io.get("tokens"));
    System.out.printf("golden %s: max |EchoBench - upstream| = %.2e%n", name, diff);
    assertThat(diff).isLessThanOrEqualTo(TOLERANCE);
    // The comparison means something: upstream's tokens are far from zero and vary.
    assertThat(io.get("tokens").abs().max().getFloat()).isGreaterThan(0.5f);
    if (fixture.has("keep")) {
      int[][] keep =
          new ObjectMapper().convertValue(fixture.get("keep"), int[][].class);
      double masked = maxAbsDiff(encoder.forward(io.get("input"), keep), io.get("masked_tokens"));
      System.out.printf("golden %s masked: %.2e%n", name, masked);
      assertThat(masked).isLessThanOrEqualTo(TOLERANCE);
    }
    encoder.close();
  }

  @Test
  void importedAttentiveProbeReproducesUpstreamClassifier() throws IOException {
    JsonNode fixture = description("rope-square");
    JsonNode probe = fixture.get("probe");
    Map<String, NDArray> io =
        SafeTensors.read(fixture("rope-square").resolve("io.safetensors"), manager);
    NDArray tokens = io.get("tokens");
    AttentiveHead head =
        new AttentiveHead(
            new ParameterFactory(manager, 0),
            ProbeTask.classification(probe.get("num_classes").asInt()),
            FeatureLayout.single((int) tokens.getShape().get(1), (int) tokens.getShape().get(2)),
            new AttentiveProbeConfig(probe.get("depth").asInt(), probe.get("num_heads").asInt(), 4.0));
    head.load(SafeTensors.read(fixture("rope-square").resolve("probe.safetensors"), manager));
    double diff = maxAbsDiff(head.forward(tokens, null), io.get("probe"));
    System.out.printf("golden probe: %.2e%n", diff);
    assertThat(diff).isLessThanOrEqualTo(TOLERANCE);
  }

  @Test
  void sincosTableIsUpstreams() throws IOException {
    JsonNode fixture = description("sincos");
    VitConfig config = config(fixture);
    Map<String, NDArray> weights =
        SafeTensors.read(fixture("sincos").resolve("weights.safetensors"), manager);
    float[] upstream = weights.get("target_encoder.module.backbone.pos_embed").toFloatArray();
    float[] ours = SincosPositions3d.table(config.embedDim(), config.defaultGrid());
    assertThat(ours).hasSameSizeAs(upstream);
    for (int i = 0; i < ours.length; i++) {
      assertThat(Math.abs(ours[i] - upstream[i])).as("channel %d", i).isLessThan(1e-6f);
    }
  }

  @Test
  void reportAccountsForEveryTensor() throws IOException {
    VJepaImporter.Imported imported = load("rope-square", config(description("rope-square")));
    ImportReport report = imported.report();
    assertThat(report.clean()).isTrue();
    assertThat(report.used()).isEqualTo(imported.encoder().parameters().size());
    assertThat(report.ignored())
        .containsEntry("predictor.module.backbone.predictor_embed.weight", "JEPA predictor")
        .containsEntry("predictor.module.backbone.mask_tokens.0", "JEPA predictor");
    Map<String, NDArray> file =
        SafeTensors.read(fixture("rope-square").resolve("weights.safetensors"), manager);
    assertThat(report.used() + report.ignored().size()).isEqualTo(file.size());
    assertThat(report.summary()).doesNotContain("\n").contains("ignored 2 (2 JEPA predictor)");
    assertThat(report.toMap()).containsEntry("used", report.used()).containsKey("ignored");
  }

  @Test
  void sincosWeightsForARotaryConfigAreRefusedUnlessDeclared() throws IOException {
    VitConfig rotary = config(description("sincos")).withPositions(VitConfig.Positions.ROPE);
    assertThatThrownBy(() -> load("sincos", rotary))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("weights.safetensors: holds target_encoder.module.backbone.pos_embed")
        .hasMessageContaining("positions: sincos")
        .hasMessageNotContaining("\n");
    VJepaImporter.Imported declared =
        VJepaImporter.importEncoder(
            fixture("sincos").resolve("weights.safetensors"),
            rotary,
            VJepaImporter.Section.TARGET_ENCODER,
            VJepaImporter.PosEmbed.IGNORE,
            manager);
    assertThat(declared.report().ignored())
        .containsEntry("target_encoder.module.backbone.pos_embed", "pos_embed unused by a rotary ViT");
  }

  @Test
  void anUnknownExtraTensorIsRefusedNamingIt() throws IOException {
    Map<String, NDArray> weights =
        new LinkedHashMap<>(
            SafeTensors.read(fixture("rope-square").resolve("weights.safetensors"), manager));
    weights.put("target_encoder.module.backbone.head.weight", manager.ones(new Shape(3, 24)));
    weights.put("ema_head.bias", manager.ones(new Shape(3)));
    Path file = dir.resolve("extra.safetensors");
    SafeTensors.write(file, weights);
    VitConfig config = config(description("rope-square"));
    assertThatThrownBy(() -> load(file, config))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining("unexpected keys [ema_head.bias, head.weight]")
        .hasMessageNotContaining("the weights are a ViT")
        .hasMessageNotContaining("\n");
  }

  @Test
  void depthAndWidthMismatchesAreOneLineNamingBothArchitectures() throws IOException {
    VitConfig config = config(description("rope-square"));
    VitConfig deeper =
        new VitConfig(24, 3, 2, 4.0, config.tubelet(), config.patch(), config.frames(),
            config.resolution());
    assertThatThrownBy(() -> load("rope-square", deeper))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the weights are a ViT of width 24, depth 2, tubelet 2, patch 4, MLP 96")
        .hasMessageContaining("the config asks for width 24, depth 3")
        .hasMessageContaining("missing keys [blocks.2.attn.proj.bias")
        .hasMessageNotContaining("\n");
    VitConfig wider =
        new VitConfig(32, 2, 2, 4.0, config.tubelet(), config.patch(), config.frames(),
            config.resolution());
    assertThatThrownBy(() -> load("rope-square", wider))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("the config asks for width 32, depth 2")
        // Every tensor's shape depends on the width: 2 embedding + 12 per block + 2 final norm.
        .hasMessageContaining("and " + (2 + 12 * 2 + 2 - 5) + " more")
        .hasMessageNotContaining("\n");
  }

  private VJepaImporter.Imported load(Path file, VitConfig config) {
    return VJepaImporter.importEncoder(
        file, config, VJepaImporter.Section.TARGET_ENCODER, VJepaImporter.PosEmbed.REFUSE, manager);
  }
}
