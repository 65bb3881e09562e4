package echobench.models.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import echobench.models.Float16;
import echobench.models.encoder.VisionTransformer;
import echobench.models.encoder.VitConfig;
import echobench.models.nn.NamedArrays;
import echobench.models.nn.ParameterFactory;
import echobench.models.nn.StepScope;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
  private static final VitConfig MICRO = VitConfig.named("micro").withTokens(2, 8).withInput(4, 16);

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

  private float[] outputs(VisionTransformer encoder) {
    try (StepScope scope = StepScope.open(manager, encoder.parameterArrays())) {
      NDManager m = scope.manager();
      NDArray clips = m.arange(2 * 3 * 4 * 16 * 16f).reshape(2, 3, 4, 16, 16).div(3000f).sin();
      return encoder.encode(clips).toFloatArray();
    }
  }

  private static Provenance provenance() {
    return Provenance.now("jepa", null, "0", "test", 1, 0, 0, null, Device.cpu());
  }

  @Test
  void saveThenLoadGivesIdenticalOutputs() throws IOException {
    VisionTransformer source = new VisionTransformer(new ParameterFactory(manager, 4), MICRO);
    Checkpoint.save(dir.resolve("ckpt"), source, provenance());
    VisionTransformer loaded = Checkpoint.load(dir.resolve("ckpt"), manager);
    assertThat(loaded.config()).isEqualTo(MICRO);
    // Rotary descriptions are written as before positions existed (the zoo's model.json files).
    assertThat(Files.readString(dir.resolve("ckpt").resolve(Checkpoint.DESCRIPTION)))
        .doesNotContain("positions");
    assertThat(outputs(loaded)).containsExactly(outputs(source));
    assertThat(Checkpoint.describe(dir.resolve("ckpt")).training().engine()).startsWith("PyTorch");
  }

  @Test
  void aSincosCheckpointKeepsItsPositionsAndTable() throws IOException {
    VitConfig sincos = MICRO.withPositions(VitConfig.Positions.SINCOS);
    VisionTransformer source = new VisionTransformer(new ParameterFactory(manager, 4), sincos);
    // A table that is not the default one, so that a reload which recomputed it would differ.
    source.parameters().get("pos_embed").muli(0.5f);
    Checkpoint.save(dir.resolve("sincos"), source, provenance());
    assertThat(Files.readString(dir.resolve("sincos").resolve(Checkpoint.DESCRIPTION)))
        .contains("\"positions\" : \"sincos\"");
    VisionTransformer loaded = Checkpoint.load(dir.resolve("sincos"), manager);
    assertThat(loaded.config()).isEqualTo(sincos);
    assertThat(outputs(loaded)).containsExactly(outputs(source));
  }

  @Test
  void zooDescriptionsWithoutPositionsAreRotary() throws IOException {
    for (String name : new String[] {"jepa-echo-tiny", "mae-echo-tiny"}) {
      Path zoo = Path.of("zoo", name);
      assertThat(Files.readString(zoo.resolve(Checkpoint.DESCRIPTION)).contains("positions")).isFalse();
      assertThat(Checkpoint.describe(zoo).architecture().positions())
          .isEqualTo(VitConfig.Positions.ROPE);
    }
  }

  /**
   * A V-JEPA pretraining checkpoint flattened to safetensors: three networks, DDP prefixes, and the
   * unused {@code pos_embed} that V-JEPA 2's released rotary files carry.
   */
  private Path vjepaFile(VisionTransformer target, VisionTransformer online, String drop)
      throws IOException {
    Map<String, NDArray> tensors = new LinkedHashMap<>();
    tensors.putAll(NamedArrays.prefixed("encoder.module.backbone.", online.parameters()));
    tensors.putAll(NamedArrays.prefixed("target_encoder.module.backbone.", target.parameters()));
    tensors.put("target_encoder.module.backbone.pos_embed", manager.zeros(new Shape(1, 8, 64)));
    tensors.put("predictor.module.backbone.mask_tokens.0", manager.zeros(new Shape(1, 1, 32)));
    tensors.remove(drop);
    Path file = dir.resolve("vjepa.safetensors");
    SafeTensors.write(file, tensors);
    return file;
  }

  @Test
  void importingVJepaKeysReproducesTheChosenEncoder() throws IOException {
    VisionTransformer target = new VisionTransformer(new ParameterFactory(manager, 5), MICRO);
    VisionTransformer online = new VisionTransformer(new ParameterFactory(manager, 6), MICRO);
    Path file = vjepaFile(target, online, "");
    VisionTransformer imported = importRotary(file, VJepaImporter.Section.TARGET_ENCODER);
    assertThat(outputs(imported)).containsExactly(outputs(target), within(0f));
    VisionTransformer importedOnline = importRotary(file, VJepaImporter.Section.ENCODER);
    assertThat(outputs(importedOnline)).containsExactly(outputs(online), within(0f));
  }

  /** Imports {@code file} into a MICRO ViT, its pos_embed declared unused. */
  private VisionTransformer importRotary(Path file, VJepaImporter.Section section) {
    return VJepaImporter.importEncoder(file, MICRO, section, VJepaImporter.PosEmbed.IGNORE, manager)
        .encoder();
  }

  @Test
  void aRotaryFileWithPosEmbedIsRefusedUntilDeclared() throws IOException {
    VisionTransformer target = new VisionTransformer(new ParameterFactory(manager, 5), MICRO);
    Path file = vjepaFile(target, target, "");
    assertThatThrownBy(
            () -> VJepaImporter.load(file, MICRO, VJepaImporter.Section.TARGET_ENCODER, manager))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("positions: rope");
  }

  @Test
  void aFileMissingOneKeyFailsNamingIt() throws IOException {
    VisionTransformer target = new VisionTransformer(new ParameterFactory(manager, 5), MICRO);
    Path file = vjepaFile(target, target, "target_encoder.module.backbone.blocks.1.attn.proj.bias");
    assertThatThrownBy(() -> importRotary(file, VJepaImporter.Section.TARGET_ENCODER))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("vjepa.safetensors")
        .hasMessageContaining("missing keys [blocks.1.attn.proj.bias]")
        .hasMessageNotContaining("unexpected");
  }

  @Test
  void aWiderModelIsRejectedWithItsShapeMismatches() throws IOException {
    VisionTransformer mini = new VisionTransformer(new ParameterFactory(manager, 5), VitConfig.named("mini").withTokens(2, 8).withInput(4, 16));
    Path file = dir.resolve("mini.safetensors");
    SafeTensors.write(file, NamedArrays.prefixed("module.backbone.", mini.parameters()));
    assertThatThrownBy(() -> VJepaImporter.load(file, MICRO, VJepaImporter.Section.TARGET_ENCODER, manager))
        .hasMessageContaining("the weights are a ViT of width 128, depth 4")
        .hasMessageContaining("the config asks for width 64, depth 2")
        .hasMessageContaining("patch_embed.proj.bias (128) != expected (64)")
        .hasMessageContaining("unexpected keys [blocks.2.attn.proj.bias");
  }

  @Test
  void halfPrecisionDecodes() {
    assertThat(Float16.toFloat(0x3C00)).isEqualTo(1f);
    assertThat(Float16.toFloat(0xC000)).isEqualTo(-2f);
    assertThat(Float16.toFloat(0x0001)).isEqualTo(0x1p-24f);
    assertThat(Float16.toFloat(0x7C00)).isEqualTo(Float.POSITIVE_INFINITY);
  }
}
