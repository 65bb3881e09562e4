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

class ReportCommandTest {
  @TempDir Path dir;

  /** A run directory with predictions of two models and the baseline on 12 videos. */
  private Path runDir() {
    List<Prediction> predictions = new ArrayList<>();
    for (Condition c : List.of(Condition.CLEAN, new Condition("depth-exp", 1),
        new Condition("depth-exp", 2))) {
      for (int v = 0; v < 12; v++) {
        double target = 25 + 4 * v;
        double wobble = (v % 3 - 1) * 2.0;
        predictions.add(new Prediction("jepa/attentive", "adult", c, "v" + v, target,
            target + wobble + 0.5 * c.severity()));
        predictions.add(new Prediction("mae/attentive", "adult", c, "v" + v, target,
            target - wobble + 1.5 * c.severity()));
      }
    }
    predictions.addAll(ReferenceBaseline.trainMean(47.0).predictions(predictions));
    Path run = dir.resolve("run");
    PredictionsTable.write(PredictionsTable.toTable(predictions), run.resolve("predictions.csv"));
    ResultsTable.write(ResultsTable.toTable(Evaluation.results(predictions, "lvef",
        List.of(Metric.MAE, Metric.R2), BootstrapSettings.withSeed(1))),
        run.resolve("results.csv"));
    return run;
  }

  @Test
  void reRendersARunDirectory() throws IOException {
    Path run = runDir();
    CommandLineCapture report = CommandLineCapture.run("report", run.toString(),
        "--reference-model", "mae/attentive");

    assertThat(report.exitCode()).as(report.err()).isZero();
    assertThat(report.out()).contains("jepa/attentive").contains("wrote report.md");
    assertThat(run.resolve("summary.csv")).isRegularFile();
    assertThat(run.resolve("figures")).isDirectory();
    String html = Files.readString(run.resolve("report.html"));
    assertThat(html).doesNotContain("http://").doesNotContain("https://")
        .contains("data:image/png;base64,").contains("Wilcoxon p");
  }

  @Test
  void summarisesATableTypedInFromAPaper() throws IOException {
    Path results = Files.writeString(dir.resolve("paper.csv"),
        "model,dataset,task,perturbation,severity,metric,value,ci_low,ci_high,n\n"
            + "EchoPrime,echonet-dynamic,lvef,none,0,mae,4.87,,,\n"
            + "EchoPrime,echonet-dynamic,lvef,depth-exp,3,mae,5.91,,,\n"
            + "EchoPrime,echonet-dynamic,lvef,shadow-gauss,3,mae,5.78,,,\n");
    Path out = dir.resolve("paper-report");
    CommandLineCapture report = CommandLineCapture.run("report", "--results",
        results.toString(), "--out", out.toString());

    assertThat(report.exitCode()).as(report.err()).isZero();
    // (5.91 + 5.78)/2 / 4.87 − 1 = 20.0 %; worst 5.91/4.87 − 1 = 21.4 %
    assertThat(report.out()).contains("+20.0 %").contains("+21.4 %").contains("depth-exp@3");
    assertThat(out.resolve("report.md")).isRegularFile();
  }

  @Test
  void badArgumentsAreBadInput() {
    assertThat(CommandLineCapture.run("report").exitCode()).isEqualTo(2);
    CommandLineCapture noOut = CommandLineCapture.run("report", "--results", "x.csv");
    assertThat(noOut.exitCode()).isEqualTo(2);
    assertThat(noOut.errLines()).containsExactly(
        "echobench: --results needs --out DIR for the report");
    Path run = runDir();
    CommandLineCapture unknown = CommandLineCapture.run("report", run.toString(),
        "--reference-model", "nobody");
    assertThat(unknown.exitCode()).isEqualTo(2);
    assertThat(unknown.errLines()).singleElement().asString()
        .contains("reference model 'nobody' is not in the results");
    CommandLineCapture missing = CommandLineCapture.run("report",
        dir.resolve("absent").toString());
    assertThat(missing.errLines()).singleElement().asString()
        .endsWith("absent: no such run directory or results file");
  }
}
