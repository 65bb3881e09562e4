package echobench.models.encoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loads the checked-in fixture made by {@code torchscript/make_fixture.py} (PyTorch 1.13) into DJL's
 * libtorch and compares its output on the script's ramp input with the values PyTorch printed.
 */
class TorchScriptEncoderTest {
  private static final InputSpec FIXTURE_INPUT = Normalization.NONE.spec(4, 16, 16);

  @Test
  void fixtureGivesPyTorchsPooledOutputAsOneToken() throws Exception {
    float[][] expected = expectedRows();
    try (TorchScriptEncoder encoder = TorchScriptEncoder.load(fixture("tiny_encoder.pt"), FIXTURE_INPUT, Device.cpu());
        NDManager manager = NDManager.newBaseManager()) {
      assertThat(encoder.embedDim()).isEqualTo(8);
      float[] ramp = new float[2 * FIXTURE_INPUT.clipLength()];
      for (int i = 0; i < ramp.length; i++) {
        ramp[i] = (i % 97) / 96f;
      }
      NDArray tokens = encoder.encode(manager.create(ramp, new Shape(2, 3, 4, 16, 16)));
      assertThat(tokens.getShape()).isEqualTo(new Shape(2, 1, 8));
      assertThat(tokens.getManager()).isSameAs(manager);
      float[] values = tokens.toFloatArray();
      for (int b = 0; b < 2; b++) {
        for (int d = 0; d < 8; d++) {
          assertThat(values[b * 8 + d]).as("clip %d dim %d", b, d).isCloseTo(expected[b][d], within(1e-5f));
        }
      }
    }
  }

  @Test
  void clipsOfAnotherSizeAreRejected() throws Exception {
    try (TorchScriptEncoder encoder = TorchScriptEncoder.load(fixture("tiny_encoder.pt"), FIXTURE_INPUT, Device.cpu());
        NDManager manager = NDManager.newBaseManager()) {
      assertThatThrownBy(() -> encoder.encode(manager.zeros(new Shape(1, 3, 4, 8, 8))))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("(1, 3, 4, 16, 16)");
    }
  }

  @Test
  void aFileThatIsNotTorchScriptFailsNamingIt(@TempDir Path dir) throws IOException {
    Path bogus = Files.writeString(dir.resolve("encoder.pt"), "not a model");
    assertThatThrownBy(() -> TorchScriptEncoder.load(bogus, FIXTURE_INPUT, Device.cpu()))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(bogus.toString());
    Path missing = dir.resolve("absent.pt");
    assertThatThrownBy(() -> TorchScriptEncoder.load(missing, FIXTURE_INPUT, Device.cpu()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("absent.pt");
  }

  @Test
  void normalisationConventionsMapPixelsAsDeclared() {
    InputSpec echoPrime = Normalization.named("EchoPrime").spec(1, 1, 1);
    try (NDManager manager = NDManager.newBaseManager()) {
      float[] grey = {1f};
      float[] out = echoPrime.toBatch(manager, List.of(grey), 1).toFloatArray();
      assertThat(out[0]).isCloseTo((255f - 29.110628f) / 47.989223f, within(1e-5f));
      assertThat(out[2]).isCloseTo((255f - 29.096405f) / 47.20083f, within(1e-5f));
    }
    assertThat(Normalization.named("panecho")).isEqualTo(Normalization.IMAGENET);
    assertThat(Normalization.IMAGENET.spec(16, 112, 112)).isEqualTo(InputSpec.imagenet(16, 112, 112));
    assertThatThrownBy(() -> Normalization.named("zscore")).hasMessageContaining("echoprime");
  }

  private static float[][] expectedRows() throws IOException, URISyntaxException {
    List<float[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(fixture("tiny_encoder.expected.txt"))) {
      if (!line.startsWith("#") && !line.isBlank()) {
        String[] fields = line.trim().split("\\s+");
        float[] row = new float[fields.length];
        for (int i = 0; i < fields.length; i++) {
          row[i] = Float.parseFloat(fields[i]);
        }
        rows.add(row);
      }
    }
    return rows.toArray(new float[0][]);
  }

  private static Path fixture(String name) throws URISyntaxException {
    return Path.of(TorchScriptEncoderTest.class.getResource("/torchscript/" + name).toURI());
  }
}
