package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompareCommandTest {
  @TempDir Path dir;

  private Path run(String name, double clean, double perturbed) throws IOException {
    Path run = Files.createDirectories(dir.resolve(name));
    Files.writeString(run.resolve("results.csv"),
        "model,dataset,task,perturbation,severity,metric,value,ci_low,ci_high,n\n"
            + "jepa/attentive,adult,lvef,none,0,mae," + clean + ",,,\n"
            + "jepa/attentive,adult,lvef,depth-exp,1,mae," + perturbed + ",,,\n");
    return run;
  }

  @Test
  void printsRunsSideBySide() throws IOException {
    CommandLineCapture compare = CommandLineCapture.run("compare",
        run("main", 5.0, 5.5).toString(), run("pr", 4.0, 4.1).toString());

    assertThat(compare.exitCode()).as(compare.err()).isZero();
    assertThat(compare.out().lines().findFirst().orElseThrow())
        .contains("main clean").contains("main Avg. Deg.").contains("pr clean");
    // main: 5.5/5 − 1 = +10.0 %; pr: 4.1/4 − 1 = +2.5 %
    assertThat(compare.out()).containsPattern(
        "adult\\s+lvef\\s+mae\\s+jepa/attentive\\s+5\\.00\\s+\\+10\\.0 %\\s+4\\.00\\s+\\+2\\.5 %");
  }

  @Test
  void aMissingRunIsBadInput() {
    CommandLineCapture compare = CommandLineCapture.run("compare", dir.resolve("nope").toString());
    assertThat(compare.exitCode()).isEqualTo(2);
  }

  @Test
  void twoTablesOfOneFolderAreTwoColumns() throws IOException {
    Path folder = run("tables", 5.0, 5.5);
    Path a = Files.copy(folder.resolve("results.csv"), folder.resolve("a.csv"));
    Path b = Files.writeString(folder.resolve("b.csv"),
        Files.readString(a).replace(",5.0,", ",4.0,").replace(",5.5,", ",4.1,"));

    CommandLineCapture compare = CommandLineCapture.run("compare", a.toString(), b.toString());

    assertThat(compare.exitCode()).as(compare.err()).isZero();
    assertThat(compare.out().lines().findFirst().orElseThrow())
        .contains("a clean").contains("a Avg. Deg.").contains("b clean");
    // a: 5.5/5 − 1 = +10.0 %; b: 4.1/4 − 1 = +2.5 %
    assertThat(compare.out()).containsPattern(
        "adult\\s+lvef\\s+mae\\s+jepa/attentive\\s+5\\.00\\s+\\+10\\.0 %\\s+4\\.00\\s+\\+2\\.5 %");
  }

  @Test
  void runsOfTheSameNameInTwoFoldersAreLabelledByTheirPaths() throws IOException {
    Path first = run("x/run", 5.0, 5.5);
    Path second = run("y/run", 4.0, 4.1);

    CommandLineCapture compare =
        CommandLineCapture.run("compare", first.toString(), second.toString());

    assertThat(compare.exitCode()).as(compare.err()).isZero();
    assertThat(compare.out().lines().findFirst().orElseThrow())
        .contains(first + " clean").contains(second + " clean");
  }

  @Test
  void theSameRunGivenTwiceIsBadInput() throws IOException {
    Path main = run("main", 5.0, 5.5);

    CommandLineCapture compare = CommandLineCapture.run("compare", main.toString(),
        main.resolve("..").resolve("main").toString());

    assertThat(compare.exitCode()).isEqualTo(2);
    assertThat(compare.errLines()).containsExactly("echobench: " + main.resolve("..")
        .resolve("main") + ": given twice");
  }
}
