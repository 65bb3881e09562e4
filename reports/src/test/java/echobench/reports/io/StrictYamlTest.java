package echobench.reports.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Strict YAML parsing: errors name the file and the line of the offending key or value. */
class StrictYamlTest {
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
    Outer o = StrictYaml.read(write("name: a\ninner:\n  frames: 16\n  lr: 0.001\n"), Outer.class);
    assertThat(o).isEqualTo(new Outer("a", new Inner(16, 0.001)));
  }

  @Test
  void anUnknownKeyNamesItsOwnLine() throws Exception {
    Path file = write("name: a\ninner:\n  frames: 16\n  fraems: 3\n  lr: 0.001\n\n# end\n");
    assertThatThrownBy(() -> StrictYaml.read(file, Outer.class))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":4: unknown key 'fraems'")
        .hasMessageContaining("known: frames, lr");
  }

  @Test
  void aWrongTypeNamesThePathAndLine() throws Exception {
    Path file = write("name: a\ninner:\n  frames: sixteen\n  lr: 0.001\n");
    assertThatThrownBy(() -> StrictYaml.read(file, Outer.class))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":3: bad value at 'inner.frames'");
  }

  @Test
  void aMissingOrEmptyFileIsBadInput() throws Exception {
    assertThatThrownBy(() -> StrictYaml.read(dir.resolve("none.yaml"), Outer.class))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("no such file");
    Path empty = write("");
    assertThatThrownBy(() -> StrictYaml.read(empty, Outer.class))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("empty");
  }

  record Grid(List<Integer> severities) {}

  private void refused(String text, Class<?> type, String message) throws Exception {
    Path file = write(text);
    assertThatThrownBy(() -> StrictYaml.read(file, type))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith(file + ":")
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
  }

  @Test
  void integersRejectDecimals() throws Exception {
    refused("name: a\ninner:\n  frames: 4.7\n  lr: 0.001\n", Outer.class,
        ":3: bad value at 'inner.frames': Cannot coerce Floating-point value (4.7)");
    refused("severities: [2, 1.5]\n", Grid.class, ":1: bad value at 'severities.[1]'");
  }

  @Test
  void duplicateKeysAreErrors() throws Exception {
    refused("name: a\ninner:\n  frames: 16\n  frames: 8\n  lr: 0.001\n", Outer.class,
        ":4: Duplicate field 'frames'");
    refused("name: a\nname: b\n", Outer.class, ":2: Duplicate field 'name'");
  }

  @Test
  void aliasesAnchorsAndTagsAreRefused() throws Exception {
    refused("name: &n a\ninner: {frames: 1, lr: 0.1}\n", Outer.class,
        ":1: YAML anchors are not accepted (&n)");
    refused("name: *n\ninner: {frames: 1, lr: 0.1}\n", Outer.class, ":1: ");
    refused("name: !!str a\ninner: {frames: 1, lr: 0.1}\n", Outer.class,
        ":1: YAML tags are not accepted");
    refused("name: a\ninner: !custom {frames: 1, lr: 0.1}\n", Outer.class,
        ":2: YAML tags are not accepted (!custom)");
  }

  @Test
  void aTabIndentedLineIsOneLineNamingIt() throws Exception {
    refused("name: a\ninner:\n\tframes: 16\n", Outer.class,
        ":3: while scanning for the next token: found character '\\t(TAB)' that cannot start any"
            + " token.");
  }

  @Test
  void hugeDocumentsAndScalarsAreRefusedAtOnce() throws Exception {
    refused("name: " + "x".repeat(10 << 20) + "\n", Outer.class,
        ": larger than 1048576 bytes; a config is a few kilobytes");
    refused("name: " + "x".repeat(100_000) + "\ninner: {frames: 1, lr: 0.1}\n", Outer.class,
        ":1: a value of 100000 characters; at most 65536 are accepted");
  }

  @Test
  void inlineYamlFollowsTheSameRules() {
    assertThat(StrictYaml.parse("--model", "{name: a, inner: {frames: 2, lr: 0.5}}", Outer.class))
        .isEqualTo(new Outer("a", new Inner(2, 0.5)));
    assertThatThrownBy(() -> StrictYaml.parse("--model", "{name: a, name: b}", Outer.class))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("--model:1: ")
        .hasMessageContaining("Duplicate field 'name'");
    assertThatThrownBy(() -> StrictYaml.parse("--model", "{name: !!str a}", Outer.class))
        .isInstanceOf(InputException.class)
        .hasMessageStartingWith("--model:1: YAML tags are not accepted");
  }
}
