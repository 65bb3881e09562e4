package echobench.harness.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.harness.BadInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict YAML parsing: errors name the file and the line of the offending key or value. */
class YamlConfigsTest {
  record Inner(int frames, double lr) {}

  record Outer(String name, Inner inner) {}

  @TempDir Path dir;

  private Path write(String text) throws Exception {
    Path file = dir.resolve("config.yaml");
    Files.writeString(file, text);
    return file;
  }

  @Test
  void readsATypedRecord() throws Exception {
    Outer o = YamlConfigs.read(write("name: a\ninner:\n  frames: 16\n  lr: 0.001\n"), Outer.class);
    assertThat(o).isEqualTo(new Outer("a", new Inner(16, 0.001)));
  }

  @Test
  void anUnknownKeyNamesItsOwnLine() throws Exception {
    Path file = write("name: a\ninner:\n  frames: 16\n  fraems: 3\n  lr: 0.001\n\n# end\n");
    assertThatThrownBy(() -> YamlConfigs.read(file, Outer.class))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ":4: unknown key 'fraems'")
        .hasMessageContaining("known: frames, lr");
  }

  @Test
  void aWrongTypeNamesThePathAndLine() throws Exception {
    Path file = write("name: a\ninner:\n  frames: sixteen\n  lr: 0.001\n");
    assertThatThrownBy(() -> YamlConfigs.read(file, Outer.class))
        .isInstanceOf(BadInputException.class)
        .hasMessageStartingWith(file + ":3: bad value at 'inner.frames'");
  }

  @Test
  void aMissingOrEmptyFileIsBadInput() throws Exception {
    assertThatThrownBy(() -> YamlConfigs.read(dir.resolve("none.yaml"), Outer.class))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("no such config file");
    Path empty = write("");
    assertThatThrownBy(() -> YamlConfigs.read(empty, Outer.class))
        .isInstanceOf(BadInputException.class)
        .hasMessageContaining("empty");
  }
}
