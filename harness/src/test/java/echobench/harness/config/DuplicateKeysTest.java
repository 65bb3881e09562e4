package echobench.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.harness.pretrain.PretrainRunner;
import echobench.harness.study.ModelSpec;
import echobench.reports.gate.GateRules;
import echobench.reports.io.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kind of YAML file the project reads goes through the one strict reader: a key written twice
 * is refused in a pretraining config, a zoo entry's config, a model block and gate rules alike,
 * naming the file and the line of the second key.
 */
class DuplicateKeysTest {
  @TempDir Path dir;

  private static Path root() {
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("configs/pretrain"))
          && Files.isDirectory(d.resolve("models/zoo"))) {
        return d;
      }
    }
    throw new IllegalStateException("no configs/ and models/zoo/ above the working directory");
  }

  /**
   * A copy of {@code shipped} in which its first top-level key is written again as the last line;
   * returns the copy, whose last line is the duplicate.
   */
  private Path withFirstKeyRepeated(Path shipped) throws IOException {
    List<String> lines = Files.readAllLines(shipped);
    String first = lines.stream()
        .filter(l -> l.matches("[a-z_]+:.*"))
        .findFirst().orElseThrow();
    Path copy = dir.resolve(shipped.getParent().getFileName() + "-" + shipped.getFileName());
    Files.writeString(copy, String.join("\n", lines) + "\n" + first + "\n");
    return copy;
  }

  private static void refusedOnLastLine(Path file, Runnable read) throws IOException {
    int last = Files.readAllLines(file).size();
    assertThatThrownBy(read::run)
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":" + last + ": ")
        .hasMessageContaining("Duplicate field")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void aPretrainingConfigRefusesADuplicateKey() throws IOException {
    Path shipped = root().resolve("configs/pretrain/jepa-smoke.yaml");
    assertThat(PretrainRunner.readConfig(shipped)).isNotNull();
    Path copy = withFirstKeyRepeated(shipped);
    refusedOnLastLine(copy, () -> PretrainRunner.readConfig(copy));
  }

  @Test
  void aZooEntrysConfigRefusesADuplicateKey() throws IOException {
    Path shipped = root().resolve("models/zoo/jepa-echo-tiny/config.yaml");
    assertThat(PretrainRunner.readConfig(shipped)).isNotNull();
    Path copy = withFirstKeyRepeated(shipped);
    refusedOnLastLine(copy, () -> PretrainRunner.readConfig(copy));
  }

  @Test
  void aModelBlockRefusesADuplicateKey() throws IOException {
    Path block = dir.resolve("model.yaml");
    Files.writeString(block, "name: tiny\ncheckpoint: zoo:jepa-echo-tiny\nname: other\n");
    refusedOnLastLine(block, () -> ModelSpec.parse(block.toString()));
  }

  @Test
  void gateRulesRefuseADuplicateKey() throws IOException {
    Path shipped = root().resolve("configs/gates/default.yaml");
    Path copy = withFirstKeyRepeated(shipped);
    refusedOnLastLine(copy, () -> GateRules.read(copy));
  }
}
