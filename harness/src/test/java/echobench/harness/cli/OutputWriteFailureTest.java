package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code report} and {@code gate} that cannot write their outputs (a file where the output folder
 * should be, a folder where an output file should be, a read-only folder) end with one line naming
 * the path and exit status 2, and leave no temporary file behind.
 */
class OutputWriteFailureTest {
  private static final String RULES = "rules:\n  - {name: clean, metric: mae, check: clean,"
      + " max_worsening: 0.25}\n";

  @TempDir Path dir;

  private Path run(String name) throws IOException {
    Path run = Files.createDirectories(dir.resolve(name));
    Files.writeString(run.resolve("results.csv"),
        "model,dataset,task,perturbation,severity,metric,value,ci_low,ci_high,n\n"
            + "jepa/attentive,adult,lvef,none,0,mae,5.0,,,100\n"
            + "jepa/attentive,adult,lvef,shadow-gauss,3,mae,5.5,,,100\n");
    return run;
  }

  private static void assertOneLineNaming(CommandLineCapture cli, Path path) {
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(EchoBench.EXIT_BAD_INPUT);
    assertThat(cli.errLines()).singleElement().asString()
        .startsWith("echobench: ").contains(path.toString()).doesNotContain("internal error");
  }

  private static void assertNoPartFiles(Path folder) throws IOException {
    try (Stream<Path> files = Files.walk(folder)) {
      assertThat(files.map(Path::toString)).noneMatch(name -> name.endsWith(".part")
          || name.contains(".part."));
    }
  }

  @Test
  void reportIntoAFileIsBadInput() throws IOException {
    Path results = run("main").resolve("results.csv");
    Path file = Files.writeString(dir.resolve("notes.txt"), "mine");

    CommandLineCapture report =
        CommandLineCapture.run("report", "--results", results.toString(), "--out", file.toString());

    assertOneLineNaming(report, file);
    assertThat(file).hasContent("mine");
  }

  @Test
  void reportWhoseFiguresFolderIsAFileIsBadInput() throws IOException {
    Path run = run("main");
    Path figures = Files.writeString(run.resolve("figures"), "mine");

    CommandLineCapture report = CommandLineCapture.run("report", run.toString());

    assertOneLineNaming(report, figures);
    assertThat(figures).hasContent("mine");
    assertNoPartFiles(run);
  }

  @Test
  void reportWhoseMarkdownIsAFolderIsBadInput() throws IOException {
    Path run = run("main");
    Path markdown = Files.createDirectories(run.resolve("report.md").resolve("mine"));

    CommandLineCapture report = CommandLineCapture.run("report", run.toString());

    assertOneLineNaming(report, run.resolve("report.md"));
    assertThat(markdown).isDirectory();
    assertNoPartFiles(run);
  }

  @Test
  void gateIntoAFileIsBadInput() throws IOException {
    Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
    Path file = Files.writeString(dir.resolve("notes.txt"), "mine");

    CommandLineCapture gate = CommandLineCapture.run("gate", "--baseline",
        run("main").toString(), "--candidate", run("pr").toString(), "--rules",
        rules.toString(), "--out", file.toString());

    assertOneLineNaming(gate, file);
    assertThat(file).hasContent("mine");
  }

  @Test
  void gateWhoseJunitFileIsAFolderIsBadInput() throws IOException {
    Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
    Path candidate = run("pr");
    Files.createDirectories(candidate.resolve("gate-junit.xml").resolve("mine"));

    CommandLineCapture gate = CommandLineCapture.run("gate", "--baseline",
        run("main").toString(), "--candidate", candidate.toString(), "--rules",
        rules.toString());

    assertOneLineNaming(gate, candidate.resolve("gate-junit.xml"));
    assertNoPartFiles(candidate);
  }

  @Test
  void reportAndGateIntoAReadOnlyFolderAreBadInput() throws IOException {
    Path rules = Files.writeString(dir.resolve("rules.yaml"), RULES);
    Path baseline = run("main");
    Path results = run("pr").resolve("results.csv");
    Path locked = Files.createDirectories(dir.resolve("locked"));
    Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // The super-user writes into read-only folders; the other cases above still run as root.
      assumeFalse(Files.isWritable(locked), "a read-only folder is writable for this user");

      CommandLineCapture report = CommandLineCapture.run("report", "--results",
          results.toString(), "--out", locked.toString());
      CommandLineCapture gate = CommandLineCapture.run("gate", "--baseline",
          baseline.toString(), "--candidate", results.toString(), "--rules", rules.toString(),
          "--out", locked.toString());

      assertOneLineNaming(report, locked);
      assertOneLineNaming(gate, locked);
      try (Stream<Path> left = Files.list(locked)) {
        assertThat(left).isEmpty();
      }
    } finally {
      Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }
}
