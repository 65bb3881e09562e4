package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GateCommandTest {
  private static final String RULES = """
      rules:
        - name: clean LVEF error
          metric: mae
          check: clean
          max_worsening: 0.25
        - name: robustness
          metric: mae
          check: avg_degradation
          max_worsening: 0.02
      """;

  @TempDir Path dir;

  /** A run of one model with clean MAE {@code clean} and MAE {@code shadowed} under a shadow. */
  private Path run(String name, double clean, double shadowed) throws IOException {
    Path run = Files.createDirectories(dir.resolve(name));
    Files.writeString(run.resolve("results.csv"),
        "model,dataset,task,perturbation,severity,metric,value,ci_low,ci_high,n\n"
            + "jepa/attentive,adult,lvef,none,0,mae," + clean + ",,,100\n"
            + "jepa/attentive,adult,lvef,shadow-gauss,3,mae," + shadowed + ",,,100\n"
            + "baseline:train-mean,adult,lvef,none,0,mae,9.5,,,100\n"
            + "baseline:train-mean,adult,lvef,shadow-gauss,3,mae,9.5,,,100\n");
    return run;
  }

  private Path rules(String yaml) throws IOException {
    return Files.writeString(dir.resolve("rules.yaml"), yaml);
  }

  @Test
  void aCandidateWithinTheRulesPasses() throws IOException {
    // clean +0.20 ≤ 0.25; Avg. Deg. 5.5/5 − 1 = 10 % → 5.72/5.2 − 1 = 10 %
    Path baseline = run("main", 5.0, 5.5);
    Path candidate = run("pr", 5.2, 5.72);
    CommandLineCapture gate = CommandLineCapture.run("gate", "--baseline", baseline.toString(),
        "--candidate", candidate.toString(), "--rules", rules(RULES).toString());

    assertThat(gate.exitCode()).as(gate.err()).isZero();
    assertThat(gate.out()).contains("clean LVEF error").contains("gate passed: 2 of 2 checks");
    String junit = Files.readString(candidate.resolve("gate-junit.xml"));
    assertThat(junit).contains("tests=\"2\" failures=\"0\"").doesNotContain("<failure");
    assertThat(candidate.resolve("gate.md")).content().startsWith("# EchoBench gate: PASS");
  }

  @Test
  void aCandidateWorseningBeyondARuleFailsWithAFailingTestCase() throws IOException {
    Path baseline = run("main", 5.0, 5.5);
    Path candidate = run("pr", 5.3, 5.83);
    Path out = dir.resolve("gate-out");
    CommandLineCapture gate = CommandLineCapture.run("gate", "--baseline",
        baseline.resolve("results.csv").toString(), "--candidate", candidate.toString(),
        "--rules", rules(RULES).toString(), "--out", out.toString());

    assertThat(gate.exitCode()).isEqualTo(1);
    assertThat(gate.out()).contains("FAIL").contains("gate FAILED: 1 of 2 checks failed");
    String junit = Files.readString(out.resolve("gate-junit.xml"));
    assertThat(junit).contains("failures=\"1\"")
        .containsPattern("<testcase classname=\"gate.clean LVEF error\" name=\"adult / lvef\">"
            + "<failure message=\"worsened by 0.3000, more than the allowed 0.25");
  }

  @Test
  void aBadRulesFileIsBadInput() throws IOException {
    Path baseline = run("main", 5.0, 5.5);
    Path rules = rules(RULES.replace("max_worsening: 0.02", "max_worse: 0.02"));
    CommandLineCapture gate = CommandLineCapture.run("gate", "--baseline", baseline.toString(),
        "--candidate", baseline.toString(), "--rules", rules.toString());

    assertThat(gate.exitCode()).isEqualTo(2);
    assertThat(gate.errLines()).singleElement().asString()
        .startsWith("echobench: " + rules + ":9: unknown key 'max_worse'");
  }

  @Test
  void aMalformedResultsRowIsBadInputNamingFileAndLine() throws IOException {
    Path baseline = run("main", 5.0, 5.5);
    Path broken = run("broken", 5.0, 5.5);
    Files.writeString(broken.resolve("results.csv"),
        "jepa/attentive,adult,lvef,none,x,mae,5,,,100\n", java.nio.file.StandardOpenOption.APPEND);
    CommandLineCapture gate = CommandLineCapture.run("gate", "--baseline", baseline.toString(),
        "--candidate", broken.toString(), "--rules", rules(RULES).toString());

    assertThat(gate.exitCode()).isEqualTo(2);
    assertThat(gate.errLines()).containsExactly("echobench: "
        + broken.resolve("results.csv") + ":6: severity \"x\" is not an integer");
  }

  @Test
  void anUnknownModelIsBadInput() throws IOException {
    Path baseline = run("main", 5.0, 5.5);
    CommandLineCapture gate = CommandLineCapture.run("gate", "--baseline", baseline.toString(),
        "--candidate", baseline.toString(), "--rules", rules(RULES).toString(),
        "--candidate-model", "mae/linear");
    assertThat(gate.exitCode()).isEqualTo(2);
    assertThat(gate.errLines()).singleElement().asString()
        .contains("the candidate results have no model 'mae/linear'");
  }
}
