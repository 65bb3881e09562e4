package echobench.models.checkpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import echobench.models.encoder.VitConfig;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile weights files: each is one {@link InputException} naming the file, on one line. */
class WeightsFileBadInputTest {
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

  /** A safetensors file with {@code header} and {@code dataBytes} zero bytes of data. */
  static Path safetensors(Path file, String header, int dataBytes) throws IOException {
    byte[] json = header.getBytes(StandardCharsets.UTF_8);
    ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + dataBytes)
        .order(ByteOrder.LITTLE_ENDIAN);
    bytes.putLong(json.length).put(json);
    return Files.write(file, bytes.array());
  }

  private static String tensor(String name, String shape, long begin, long end) {
    return "\"" + name + "\":{\"dtype\":\"F32\",\"shape\":" + shape + ",\"data_offsets\":[" + begin
        + "," + end + "]}";
  }

  private void refused(Path file, String message) {
    assertThatThrownBy(() -> SafeTensors.read(file, manager))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ": ")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aWellFormedFileReads() throws IOException {
    Path file = safetensors(dir.resolve("ok.safetensors"),
        "{" + tensor("a", "[2,2]", 0, 16) + "," + tensor("b", "[0]", 16, 16) + ","
            + tensor("c", "[3]", 16, 28) + "}", 28);
    Map<String, NDArray> tensors = SafeTensors.read(file, manager);
    assertThat(tensors.keySet()).containsExactly("a", "b", "c");
    assertThat(tensors.get("c").getShape().getShape()).containsExactly(3);
  }

  @Test
  void overlappingOffsetsAreRefused() throws IOException {
    // two tensors of 4 floats, the second starting half-way into the first
    Path file = safetensors(dir.resolve("overlap.safetensors"),
        "{" + tensor("a", "[4]", 0, 16) + "," + tensor("b", "[4]", 8, 24) + "}", 24);
    refused(file, "tensor b has data_offsets [8, 24] overlapping the previous tensor's");
  }

  @Test
  void offsetsBeyondOrShortOfTheDataAreRefused() throws IOException {
    refused(safetensors(dir.resolve("beyond.safetensors"), "{" + tensor("a", "[4]", 0, 16) + "}",
        8), "the tensors' data_offsets end at byte 16 but the file holds 8 bytes of data");
    refused(safetensors(dir.resolve("short.safetensors"), "{" + tensor("a", "[2]", 0, 8) + "}",
        16), "end at byte 8 but the file holds 16 bytes");
    refused(safetensors(dir.resolve("gap.safetensors"),
        "{" + tensor("a", "[2]", 0, 8) + "," + tensor("b", "[2]", 12, 20) + "}", 20),
        "tensor b has data_offsets [12, 20] leaving a gap after byte 8");
    refused(safetensors(dir.resolve("reversed.safetensors"), "{" + tensor("a", "[2]", 8, 0) + "}",
        8), "holding -8 bytes");
    refused(safetensors(dir.resolve("negative.safetensors"),
        "{" + tensor("a", "[2]", -8, 0) + "}", 8), "offsets must be non-negative integers");
  }

  @Test
  void negativeFractionalOrOverflowingShapesAreRefused() throws IOException {
    refused(safetensors(dir.resolve("neg.safetensors"), "{" + tensor("a", "[-1,4]", 0, 16) + "}",
        16), "tensor a has shape [-1,4]; dimensions must be non-negative integers");
    refused(safetensors(dir.resolve("frac.safetensors"), "{" + tensor("a", "[1.5]", 0, 4) + "}",
        4), "dimensions must be non-negative integers");
    // 2^32 × 2^32 elements overflow an array (and 2^64 a long)
    refused(safetensors(dir.resolve("huge.safetensors"),
        "{" + tensor("a", "[4294967296,4294967296]", 0, 16) + "}", 16),
        "more than 2147483639 elements");
  }

  @Test
  void aFolderDuplicateNamesAndANonObjectHeaderAreRefused() throws IOException {
    Path folder = Files.createDirectories(dir.resolve("weights.safetensors"));
    refused(folder, "not a safetensors file (a folder)");
    refused(safetensors(dir.resolve("dup.safetensors"),
        "{" + tensor("a", "[1]", 0, 4) + "," + tensor("a", "[1]", 4, 8) + "}", 8),
        "bad JSON header: Duplicate field 'a'");
    refused(safetensors(dir.resolve("array.safetensors"), "[1,2,3]", 0),
        "the header is not a JSON object");
  }

  @Test
  void checkpointFoldersThatAreNotAreRefused() throws IOException {
    Path empty = Files.createDirectories(dir.resolve("empty"));
    assertThatThrownBy(() -> Checkpoint.load(empty, manager))
        .isInstanceOf(InputException.class)
        .hasMessage(empty.resolve("model.json") + ": no such checkpoint description");
    Path file = Files.writeString(dir.resolve("ckpt"), "not a folder");
    assertThatThrownBy(() -> Checkpoint.load(file, manager))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": not a checkpoint folder (a file)");
  }

  @Test
  void aDescriptionDeclaringAGiantModelIsRefused() throws IOException {
    Path ckpt = Files.createDirectories(dir.resolve("giant"));
    VitConfig micro = VitConfig.named("micro");
    String json = Checkpoint.JSON.writeValueAsString(
        new ModelDescription(ModelDescription.FORMAT, micro, null))
        .replace("\"embed_dim\" : 64", "\"embed_dim\" : 65536")
        .replace("\"depth\" : 2", "\"depth\" : 64");
    Files.writeString(ckpt.resolve(Checkpoint.DESCRIPTION), json);
    assertThatThrownBy(() -> Checkpoint.load(ckpt, manager))
        .isInstanceOf(InputException.class)
        .hasMessage(ckpt.resolve("model.json") + ": embed_dim 65536 exceeds 4096");
  }

  @Test
  void aMalformedDescriptionIsOneLineWithItsLine() throws IOException {
    Path ckpt = Files.createDirectories(dir.resolve("broken"));
    Files.writeString(ckpt.resolve(Checkpoint.DESCRIPTION),
        "{\n  \"format\": \"echobench-vit/1\",\n  \"architecture\": {\"embed_dim\": 64,\n");
    assertThatThrownBy(() -> Checkpoint.describe(ckpt))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(ckpt.resolve("model.json") + ":")
        .hasMessageContaining("malformed checkpoint description (")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }
}
