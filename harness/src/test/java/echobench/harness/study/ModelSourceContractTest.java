package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import echobench.reports.io.StrictYaml;
import echobench.models.checkpoint.Checkpoint;
import echobench.models.encoder.VitConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every registered model source that needs no big file, read from a {@code models:} entry by its
 * key, loads an encoder of the width its weights declare, records the SHA-256 of each weight file
 * it read, fingerprints the same weights the same way, and writes back the entry it read.
 */
class ModelSourceContractTest {
  /** Sources left out here: pretraining runs a training loop (PretrainRunnerTest covers it). */
  private static final Set<String> NOT_HERE = Set.of("pretrain");

  /** A tiny model of one source: the entry's value, its files, its width and weight files. */
  private record Fixture(String value, int width, List<String> weightFiles) {}

  @TempDir Path dir;

  static Stream<String> sources() {
    return ModelSources.keys().stream().filter(k -> !NOT_HERE.contains(k));
  }

  /** Writes source {@code key}'s files into the test folder. */
  private Fixture fixture(String key) throws IOException {
    return switch (key) {
      case "random_init" -> new Fixture("{encoder: micro, seed: 3}",
          VitConfig.named("micro").embedDim(), List.of());
      case "checkpoint" -> {
        Path saved = Files.createDirectories(dir.resolve("saved"));
        for (String file : List.of(Checkpoint.DESCRIPTION, Checkpoint.WEIGHTS)) {
          Files.copy(TestFiles.projectFile("models/zoo/jepa-echo-tiny/" + file), saved.resolve(file));
        }
        yield new Fixture("saved", Checkpoint.describe(saved).architecture().embedDim(),
            List.of("saved/" + Checkpoint.WEIGHTS));
      }
      case "safetensors" -> {
        Path weights = Files.createDirectories(dir.resolve("jepa")).resolve("encoder.safetensors");
        Files.copy(TestFiles.projectFile("models/zoo/jepa-echo-tiny/weights.safetensors"), weights);
        ExportManifestTest.writeManifest(weights, "safetensors", 16, 32, List.of(0, 1),
            List.of(0.485, 0.456, 0.406), List.of(0.229, 0.224, 0.225), List.of(8 * 2 * 2, 128));
        yield new Fixture("{file: jepa/encoder.safetensors, encoder: mini}", 128,
            List.of("jepa/encoder.safetensors"));
      }
      case "torchscript" -> {
        Path weights = Files.createDirectories(dir.resolve("tiny")).resolve("encoder.pt");
        Files.copy(TestFiles.projectFile("models/src/test/resources/torchscript/tiny_encoder.pt"), weights);
        ExportManifestTest.writeManifest(weights, "torchscript", 4, 16, List.of(0, 1),
            List.of(0, 0, 0), List.of(1, 1, 1), List.of(8));
        yield new Fixture("{file: tiny/encoder.pt, normalization: none, frames: 4,"
            + " resolution: 16}", 8, List.of("tiny/encoder.pt"));
      }
      default -> throw new AssertionError("no fixture for model source " + key);
    };
  }

  @Test
  void everyRegisteredSourceIsCoveredOrNamedAsLeftOut() {
    assertThat(ModelSources.keys()).containsAll(NOT_HERE);
    assertThat(sources().toList()).containsExactlyInAnyOrder(
        "checkpoint", "random_init", "torchscript", "safetensors");
  }

  @ParameterizedTest
  @MethodSource("sources")
  void aTinyModelLoadsThroughItsSourceKey(String key) throws IOException {
    Fixture fixture = fixture(key);
    Path entry = Files.writeString(dir.resolve("model.yaml"),
        "name: tiny\n" + key + ": " + fixture.value() + "\n");

    ModelConfig model = StrictYaml.read(entry, ModelConfig.class);
    assertThat(ModelSources.type(key)).contains(model.source().getClass());
    assertThat(ModelSources.keyOf(model.source())).isEqualTo(key);

    Map<String, String> weights = new java.util.HashMap<>();
    for (String file : fixture.weightFiles()) {
      weights.put(dir.resolve(file).toString(), TestFiles.sha256(dir.resolve(file)));
    }
    String fingerprint;
    try (NDManager manager = NDManager.newBaseManager();
        StudyEncoder encoder = loader().load(model, manager)) {
      assertThat(encoder.name()).isEqualTo("tiny");
      assertThat(encoder.encoder().embedDim()).isEqualTo(fixture.width());
      assertThat(encoder.weights()).isEqualTo(weights);
      fingerprint = encoder.fingerprint();
    }
    try (NDManager manager = NDManager.newBaseManager();
        StudyEncoder again = loader().load(model, manager)) {
      assertThat(again.fingerprint()).isEqualTo(fingerprint);
    }

    String written = StrictYaml.mapper().writeValueAsString(model);
    assertThat(written).contains("name: \"tiny\"\n" + key + ":");
    assertThat(StrictYaml.read(Files.writeString(dir.resolve("written.yaml"), written),
        ModelConfig.class)).isEqualTo(model);
  }

  private EncoderLoader loader() {
    return new EncoderLoader(dir, ModelZoo.forCommand(null), dir.resolve("cache"),
        new SamplingConfig(16, 2, 1, 32), Device.cpu());
  }
}
