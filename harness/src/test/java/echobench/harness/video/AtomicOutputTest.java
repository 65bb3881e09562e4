package echobench.harness.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.harness.BadInputException;
import echobench.reports.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicOutputTest {
  @TempDir Path dir;

  @Test
  void writesWithTheSamePermissionsAsTheReportsWriter() throws IOException {
    Path viaOutput = dir.resolve("a.json");
    Path viaFiles = dir.resolve("b.json");
    AtomicOutput.write(viaOutput, temporary -> Files.writeString(temporary, "{}"));
    AtomicFiles.writeString(viaFiles, "{}");
    Path ordinary = Files.writeString(dir.resolve("c.json"), "{}");

    assertThat(Files.getPosixFilePermissions(viaOutput))
        .isEqualTo(Files.getPosixFilePermissions(viaFiles))
        .isEqualTo(Files.getPosixFilePermissions(ordinary));
  }

  @Test
  void aMissingFolderIsBadInputNamingTheFile() {
    Path file = dir.resolve("no-such-folder/out.png");
    assertThatThrownBy(() -> AtomicOutput.write(file, t -> Files.writeString(t, "x")))
        .isInstanceOf(BadInputException.class).hasMessageStartingWith(file.toString())
        .hasMessageContaining("no such directory");
    assertThat(dir.resolve("no-such-folder")).doesNotExist();
  }

  @Test
  void aFailingWriterIsBadInputAndLeavesNothing() throws IOException {
    Path file = dir.resolve("out.avi");
    assertThatThrownBy(() -> AtomicOutput.write(file, t -> {
      throw new IOException("No space left on device");
    })).isInstanceOf(BadInputException.class)
        .hasMessage(file + ": cannot write (No space left on device)");
    try (var left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }
}
