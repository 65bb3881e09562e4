package echobench.reports.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  /** The permissions the process's umask gives a file created the ordinary way. */
  private Set<PosixFilePermission> ordinaryPermissions() throws IOException {
    return Files.getPosixFilePermissions(Files.write(dir.resolve("ordinary.txt"), new byte[] {1}));
  }

  @Test
  void aWrittenFileHasTheUmasksPermissionsNotTheTemporaryFilesOwnerOnlyMode() throws IOException {
    Path file = dir.resolve("out/results.csv");
    AtomicFiles.writeString(file, "a,b\n1,2\n");

    assertThat(Files.readString(file)).isEqualTo("a,b\n1,2\n");
    Set<PosixFilePermission> expected = ordinaryPermissions();
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(expected);
    // Under the usual umask 022 that is 0644: group and others may read.
    assertThat(expected).contains(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  }

  @Test
  void replacingAFileKeepsTheUmasksPermissions() throws IOException {
    Path file = dir.resolve("report.md");
    AtomicFiles.writeString(file, "first");
    AtomicFiles.write(file, temporary -> Files.writeString(temporary, "second"));

    assertThat(Files.readString(file)).isEqualTo("second");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(ordinaryPermissions());
  }

  @Test
  void aFailedWriteLeavesNeitherTheFileNorATemporaryOne() throws IOException {
    Path file = dir.resolve("figure.png");
    assertThatThrownBy(() -> AtomicFiles.write(file, temporary -> {
      Files.writeString(temporary, "half a fig");
      throw new IOException("disk full");
    })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("figure.png")
        .hasMessageContaining("disk full");

    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void theTemporaryFileKeepsTheTargetsSuffixAndSitsBesideIt() {
    Path[] seen = new Path[1];
    Path file = dir.resolve("clip.avi");
    AtomicFiles.write(file, temporary -> {
      seen[0] = temporary;
      Files.write(temporary, new byte[] {0});
    });

    assertThat(seen[0].getParent()).isEqualTo(dir.toAbsolutePath());
    assertThat(seen[0].getFileName().toString()).startsWith(".clip.avi.").endsWith(".avi");
    assertThat(file).exists();
    assertThat(seen[0]).doesNotExist();
  }

  @Test
  void anOutputTheUserNamedHasTheSamePermissions() throws IOException {
    Path output = dir.resolve("a.json");
    AtomicFiles.writeOutput(output, temporary -> Files.writeString(temporary, "{}"));

    assertThat(Files.readString(output)).isEqualTo("{}");
    assertThat(Files.getPosixFilePermissions(output)).isEqualTo(ordinaryPermissions());
  }

  @Test
  void anOutputInAMissingFolderIsBadInputNamingTheFile() {
    Path file = dir.resolve("no-such-folder/out.png");
    assertThatThrownBy(() -> AtomicFiles.writeOutput(file, t -> Files.writeString(t, "x")))
        .isInstanceOf(InputException.class).hasMessageStartingWith(file.toString())
        .hasMessageContaining("no such directory");
    assertThat(dir.resolve("no-such-folder")).doesNotExist();
  }

  @Test
  void aFailingOutputIsBadInputAndLeavesNothing() throws IOException {
    Path file = dir.resolve("out.avi");
    assertThatThrownBy(() -> AtomicFiles.writeOutput(file, t -> {
      Files.writeString(t, "half a clip");
      throw new IOException("No space left on device");
    })).isInstanceOf(InputException.class)
        .hasMessage(file + ": cannot write (No space left on device)");
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left).isEmpty();
    }
  }

  @Test
  void aPublishedFileReplacesTheOldOneWhole() throws IOException {
    Path file = dir.resolve("features.bin");
    Files.writeString(file, "old");
    Path partial = Files.writeString(dir.resolve("features.bin.partial"), "new, written in parts");

    AtomicFiles.publish(partial, file);

    assertThat(Files.readString(file)).isEqualTo("new, written in parts");
    assertThat(partial).doesNotExist();
  }

  @Test
  void aPublishedFolderReplacesTheOldOneAndLeavesNoStagingBehind() throws IOException {
    Path checkpoint = dir.resolve("run/checkpoint");
    Path first = AtomicFiles.stagingFolder(checkpoint);
    Files.writeString(first.resolve("weights"), "1");
    Files.writeString(first.resolve("stale"), "only in the first");
    AtomicFiles.publishFolder(first, checkpoint);

    Path second = AtomicFiles.stagingFolder(checkpoint);
    assertThat(second).isEmptyDirectory();
    Files.writeString(second.resolve("weights"), "2");
    AtomicFiles.publishFolder(second, checkpoint);

    assertThat(Files.readString(checkpoint.resolve("weights"))).isEqualTo("2");
    assertThat(checkpoint.resolve("stale")).doesNotExist();
    try (Stream<Path> left = Files.list(checkpoint.getParent())) {
      assertThat(left).containsExactly(checkpoint);
    }
  }

  @Test
  void aStagingFolderLeftByAKilledWriterIsEmptiedOnTheNextStart() throws IOException {
    Path entry = dir.resolve("zoo/tiny");
    Path killed = AtomicFiles.stagingFolder(entry);
    Files.writeString(Files.createDirectories(killed.resolve("sub")).resolve("half"), "x");

    Path fresh = AtomicFiles.stagingFolder(entry);

    assertThat(fresh).isEqualTo(killed).isEmptyDirectory();
    assertThat(entry).doesNotExist();
  }
}
