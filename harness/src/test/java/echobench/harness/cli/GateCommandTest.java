package echobench.harness.cli;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.reports.Condition;
import echobench.reports.Evaluation;
import echobench.reports.ReferenceBaseline;
import echobench.reports.metrics.Metric;
import echobench.reports.results.Prediction;
import echobench.reports.results.PredictionsTable;
import echobench.reports.results.ResultsTable;
import echobench.reports.stats.BootstrapSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        .containsPattern("<testcase classname=\"gate.clean LVEF error\""
            + " name=\"jepa/attentive on adult / lvef\">"
            + "<failure message=\"worsened by 0.3000, more than the allowed 0.25");
  }

  /**
   * A quickstart-like run: two encoders with the same probe, the training-mean baseline, clean
   * and {@code perturbations} at severity 3, with predictions; {@code shift} moves every
   * prediction of the second encoder.
   */
  private Path studyRun(String name, boolean bothClasses, double shift, String... perturbations) {
    List<Condition> conditions = new ArrayList<>(List.of(Condition.CLEAN));
    for (String p : perturbations) {
      conditions.add(new Condition(p, 3));
    }
    List<Prediction> predictions = new ArrayList<>();
    for (Condition c : conditions) {
      for (int v = 0; v < 24; v++) {
        double target = bothClasses ? 30 + 2 * v : 55 + v % 10;
        double wobble = (v % 5 - 2) * 1.5;
        predictions.add(new Prediction("jepa-echo-tiny/attentive", "adult", c, "v" + v, target,
            target + wobble + 0.4 * c.severity()));
        predictions.add(new Prediction("random-tiny/attentive", "adult", c, "v" + v, target,
            target - wobble + 0.6 * c.severity() + shift));
      }
    }
    predictions.addAll(ReferenceBaseline.trainMean(47.0).predictions(predictions));
    Path run = dir.resolve(name);
    PredictionsTable.write(PredictionsTable.toTable(predictions), run.resolve("predictions.csv"));
    ResultsTable.write(ResultsTable.toTable(Evaluation.results(predictions, "lvef",
        List.of(Metric.MAE, Metric.AUROC_EF50), BootstrapSettings.withSeed(0))),
        run.resolve("results.csv"));
    return run;
  }

  private static final Path DEFAULT_RULES =
      Path.of("..", "configs", "gates", "default.yaml").toAbsolutePath().normalize();

  @Test
  void theReadmeExampleGatesEveryModelBothRunsHold() throws IOException {
    Path main = studyRun("main", true, 0, "depth-exp", "shadow-gauss");
    Path pr = studyRun("pr", true, 5, "depth-exp", "shadow-gauss");
    CommandLineCapture gate = CommandLineCapture.run("gate", "--baseline", main.toString(),
        "--candidate", pr.toString(), "--rules", DEFAULT_RULES.toString());

    // random-tiny's predictions moved by 5 points: its clean MAE worsens; jepa's does not.
    assertThat(gate.exitCode()).as(gate.err()).isEqualTo(1);
    assertThat(gate.err()).isEmpty();
    assertThat(gate.out()).contains("jepa-echo-tiny/attentive, random-tiny/attentive");
    String md = Files.readString(pr.resolve("gate.md"));
    assertThat(md).contains("| clean LVEF error | jepa-echo-tiny/attentive | adult / lvef |")
        .containsPattern("\\| clean LVEF error \\| random-tiny/attentive \\| adult / lvef \\|"
            + " clean mae \\| [0-9.]+ \\| [0-9.]+ \\| \\+[0-9.]+ \\[\\+[0-9.]+, \\+[0-9.]+\\]"
            + " \\| 0.250 \\| FAIL \\|")
        .doesNotContain("baseline:train-mean |");
    assertThat(Files.readString(pr.resolve("gate-junit.xml"))).contains("tests=\"10\"");
  }

  @Test
  void gatingARunAgainstItselfPassesEvenWithAnUndefinedAuroc() throws IOException {
    // As in the smoke study: every target is a normal EF, so the reduced-EF AUROC is undefined,
    // and only depth-exp was run, so the default rules' shadow-gauss@3 exists in neither run.
    Path smoke = studyRun("smoke", false, 0, "depth-exp");
    CommandLineCapture gate = CommandLineCapture.run("gate", "--baseline", smoke.toString(),
        "--candidate", smoke.toString(), "--rules", DEFAULT_RULES.toString(), "--out",
        dir.resolve("self").toString());

    assertThat(gate.exitCode()).as(gate.out() + gate.err()).isZero();
    // 5 rules × 2 models: the AUROC and the shadow rule are not comparable for each
    assertThat(gate.out()).contains("not comparable").contains("gate passed: 6 of 10 checks"
        + " (4 not comparable)");
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
