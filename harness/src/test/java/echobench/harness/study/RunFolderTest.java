package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.harness.cli.EchoBench;
import echobench.reports.io.InputException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Run folders are marked, and a run neither writes into nor removes from what it did not create. */
class RunFolderTest {
  @TempDir Path temp;

  @Test
  void aNewFolderIsCreatedAndMarked() {
    Path out = temp.resolve("new/run");

    RunFolder.claim(out);
    RunFolder.claim(out);

    assertThat(out.resolve(RunFolder.MARKER)).hasContent(RunFolder.MARKER_TEXT.strip());
  }

  @Test
  void anEmptyFolderIsAccepted() throws IOException {
    Path out = Files.createDirectories(temp.resolve("empty"));

    RunFolder.claim(out);

    assertThat(out.resolve(RunFolder.MARKER)).exists();
  }

  @Test
  void aUsersFolderIsRefusedAndLeftAsItWas() throws IOException {
    Path out = temp.resolve("mine");
    Path important = Files.createDirectories(out.resolve("cache/mine")).resolve("important.txt");
    Files.writeString(important, "keep me");

    CliOutcome outcome = run(study(), out);

    assertThat(outcome.exit()).as(outcome.err()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(outcome.lines()).containsExactly("echobench: " + out + ": not empty and not an EchoBench run"
        + " folder (no .echobench-run); give --out a new or empty folder");
    assertThat(important).hasContent("keep me");
    assertThat(out.resolve(RunFolder.MARKER)).doesNotExist();
  }

  @Test
  void theRootIsRefusedInOneLine() throws IOException {
    CliOutcome outcome = run(study(), Path.of("/"));

    assertThat(outcome.exit()).as(outcome.err()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(outcome.lines()).containsExactly(
        "echobench: /: a file-system root cannot be a run folder; give --out a folder of its own");
  }

  @Test
  void aFileIsNotAFolder() throws IOException {
    Path file = Files.writeString(temp.resolve("notes.txt"), "x");

    assertThatThrownBy(() -> RunFolder.claim(file))
        .isInstanceOf(InputException.class)
        .hasMessage(file + ": not a folder; give --out a folder");
  }

  @Test
  void aFreshRunRemovesOnlyTheCacheFoldersItKeeps() throws IOException {
    Path out = temp.resolve("run");
    RunFolder.claim(out);
    Path stale = Files.createDirectories(out.resolve("cache/models/old")).resolve("weights.bin");
    Files.writeString(stale, "stale");
    Path users = Files.createDirectories(out.resolve("cache/mine")).resolve("important.txt");
    Files.writeString(users, "keep me");

    RunCache.open(out, false);

    assertThat(out.resolve("cache/models")).doesNotExist();
    assertThat(users).hasContent("keep me");
  }

  private Path study() throws IOException {
    return Files.writeString(temp.resolve("study.yaml"), "name: folders\n"
        + "sampling: {frames: 8, frame_step: 2, clips: 1, resolution: 32}\n"
        + "datasets:\n  adult:\n    kind: echonet-dynamic\n    root: " + temp.resolve("none")
        + "\ntrain: adult\n"
        + "models:\n  - {name: random, random_init: {encoder: micro}}\n"
        + "probes:\n  - {kind: linear, epochs: 1, batch: 8, lr: [0.001], wd: [0.01]}\n"
        + "perturbations:\n  - {name: depth-exp, severities: [2]}\n");
  }

  private static CliOutcome run(Path config, Path out) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit;
    try {
      System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      exit = EchoBench.execute("run", config.toString(), "--out", out.toString(),
          "--device", "cpu");
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
    return new CliOutcome(exit, err.toString(StandardCharsets.UTF_8));
  }

  /** Exit status and stderr of one command. */
  private record CliOutcome(int exit, String err) {
    List<String> lines() {
      return Arrays.stream(err.split("\\R")).filter(l -> !l.isBlank())
          .filter(l -> !l.startsWith("SLF4J")).toList();
    }
  }
}
