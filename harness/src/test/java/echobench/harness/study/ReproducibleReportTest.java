package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.harness.cli.EchoBench;
import echobench.reports.Condition;
import echobench.reports.ReferenceBaseline;
import echobench.reports.io.StrictYaml;
import echobench.reports.results.Prediction;
import echobench.reports.stats.ResamplingUnits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code echobench report RUN} on a finished run rewrites every file of the run's report with the
 * same bytes: the title, seed and bootstrap resamples come from the run's resolved config, not
 * from the command's defaults.
 */
class ReproducibleReportTest {
  @TempDir Path dir;

  @Test
  void reRenderingAnUnchangedRunRewritesIdenticalFiles() throws IOException {
    Path config = Files.writeString(dir.resolve("study.yaml"), """
        name: Reproducible report study
        seed: 7
        bootstrap: {resamples: 150, confidence: 0.9}
        datasets:
          adult: {kind: synthetic, cohort: adult, count: 12}
        train: adult
        models:
          - name: enc
            random_init: {encoder: micro, seed: 0}
        probes:
          - kind: linear
          - kind: attentive
        perturbations:
          - name: depth-exp
            severities: [1, 2]
        """);
    StudyConfig study = StudyConfig.read(config);
    Path run = dir.resolve("run");
    new StudyOutputs(run, study).write(predictions(),
        StrictYaml.mapper().writeValueAsString(study), ResamplingUnits.VIDEOS);
    Map<String, byte[]> original = files(run);
    assertThat(original).containsKeys("report.md", "report.html", "summary.csv",
        "config.resolved.yaml");
    assertThat(new String(original.get("report.md"))).contains("Reproducible report study")
        .contains("150 resamples, seed 7");

    int status = EchoBench.execute("report", run.toString());

    assertThat(status).isZero();
    Map<String, byte[]> again = files(run);
    assertThat(again.keySet()).isEqualTo(original.keySet());
    original.forEach((name, bytes) -> assertThat(again.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void aRunResampledByPatientIsRenderedAgainWithTheSamePatients() throws IOException {
    Path config = Files.writeString(dir.resolve("study.yaml"), """
        name: Patient study
        seed: 3
        bootstrap: {resamples: 120}
        datasets:
          adult: {kind: synthetic, cohort: adult, count: 12}
        train: adult
        models:
          - name: enc
            random_init: {encoder: micro, seed: 0}
        probes:
          - kind: linear
        """);
    StudyConfig study = StudyConfig.read(config);
    Map<String, String> patients = new TreeMap<>();
    for (int v = 0; v < 10; v++) {
      patients.put("v" + v, "P" + v / 2);
    }
    Path run = dir.resolve("run");
    new StudyOutputs(run, study).write(predictions(),
        StrictYaml.mapper().writeValueAsString(study),
        new ResamplingUnits(Map.of("adult", patients)));
    Map<String, byte[]> original = files(run);
    assertThat(new String(original.get("patients.csv"))).startsWith(
        "dataset,video,patient\nadult,v0,P0\nadult,v1,P0\nadult,v2,P1\n");
    assertThat(new String(original.get("report.md"))).contains("resampling adult by patient");
    assertThat(new String(original.get("results.csv")))
        .contains("enc/linear,adult,lvef,none,0,category_flip,0,0,0,10\n");
    assertThat(new String(original.get("summary.csv"))).startsWith("model,dataset,task,metric,"
        + "clean,avg_degradation,worst_degradation,worst_condition,avg_degradation_ci_low,"
        + "avg_degradation_ci_high,effective_robustness,effective_robustness_ci_low,"
        + "effective_robustness_ci_high,clean_vs_baseline,clean_vs_baseline_ci_low,"
        + "clean_vs_baseline_ci_high\n");

    assertThat(EchoBench.execute("report", run.toString())).isZero();
    Map<String, byte[]> again = files(run);
    original.forEach((name, bytes) -> assertThat(again.get(name)).as(name).isEqualTo(bytes));
  }

  @Test
  void anOptionGivenOnTheCommandLineStillWins() throws IOException {
    Path config = Files.writeString(dir.resolve("study.yaml"), """
        name: Recorded title
        datasets:
          adult: {kind: synthetic, cohort: adult, count: 12}
        train: adult
        models:
          - name: enc
            random_init: {encoder: micro, seed: 0}
        probes:
          - kind: linear
        """);
    StudyConfig study = StudyConfig.read(config);
    Path run = dir.resolve("run");
    new StudyOutputs(run, study).write(predictions(),
        StrictYaml.mapper().writeValueAsString(study), ResamplingUnits.VIDEOS);

    assertThat(EchoBench.execute("report", run.toString(), "--title", "Given title")).isZero();
    assertThat(Files.readString(run.resolve("report.md"))).contains("Given title")
        .doesNotContain("Recorded title");
  }

  private static List<Prediction> predictions() {
    List<Prediction> predictions = new ArrayList<>();
    for (Condition c : List.of(Condition.CLEAN, new Condition("depth-exp", 1),
        new Condition("depth-exp", 2))) {
      for (int v = 0; v < 10; v++) {
        double target = 30 + 3 * v;
        double wobble = (v % 3 - 1) * 1.5;
        predictions.add(new Prediction("enc/attentive", "adult", c, "v" + v, target,
            target + wobble + 0.7 * c.severity()));
        predictions.add(new Prediction("enc/linear", "adult", c, "v" + v, target,
            target - wobble + 1.1 * c.severity()));
      }
    }
    predictions.addAll(ReferenceBaseline.trainMean(44.0).predictions(predictions));
    return predictions;
  }

  private static Map<String, byte[]> files(Path run) throws IOException {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> all = Files.walk(run)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        files.put(run.relativize(p).toString(), Files.readAllBytes(p));
      }
    }
    return files;
  }
}
