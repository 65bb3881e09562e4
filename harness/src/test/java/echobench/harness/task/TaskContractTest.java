package echobench.harness.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.harness.study.StudyRun;
import echobench.models.probe.ProbeTask;
import echobench.reports.Condition;
import echobench.reports.metrics.Metric;
import echobench.reports.results.Prediction;
import echobench.reports.results.PredictionsTable;
import echobench.reports.results.Result;
import echobench.reports.results.ResultsTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every registered {@link EchoTask} meets, checked by a tiny study run end to end
 * twice (a small synthetic adult cohort with every view, or, for a multi-view task, the biplane
 * cohort recorded in A4C and A2C; a random-init micro encoder, a linear probe, one perturbation,
 * for a multi-view task also scoped to each view alone): a result for every metric of the task for
 * the probe and for the task's own baseline under every condition, every metric within its
 * range, predictions valid for the task's probe output, and byte-identical tables on the second
 * run.
 */
class TaskContractTest {
  private static final String PROBE_MODEL = "random-micro/linear";

  @TempDir static Path temp;

  static Stream<EchoTask> tasks() {
    return EchoTasks.ALL.stream();
  }

  @ParameterizedTest
  @MethodSource("tasks")
  void aTinyStudyOfTheTaskMeetsTheContract(EchoTask task) throws IOException {
    Path config = Files.writeString(temp.resolve(task.id() + ".yaml"), """
        name: contract %s
        seed: 0
        device: cpu
        cache: cohorts
        sampling: {frames: 4, frame_step: 2, clips: 1, resolution: 32}
        bootstrap: {resamples: 50}
        feature_store: {dtype: float32}
        task: %s
        datasets:
          adult: {kind: synthetic, cohort: adult, count: 24, size: 32, frames: 8, fps: 25,
                  seed: 1, %s}
        train: adult
        models:
          - {name: random-micro, random_init: {encoder: micro, seed: 0}}
        probes:
          - {kind: linear, epochs: 3, batch: 8, lr: [0.01], wd: [0.01]}
        perturbations:
          - {name: depth-exp, severities: [2]}
        """.formatted(task.id(), task.id(),
        task.views().isEmpty() ? "views: [A4C, A2C, PLAX, PSAX]" : "biplane: true"));
    Path first = temp.resolve(task.id() + "-first");
    Path second = temp.resolve(task.id() + "-second");
    StudyRun.execute(config, new StudyRun.Options(first, "cpu", false, false));
    StudyRun.execute(config, new StudyRun.Options(second, "cpu", false, false));

    List<Result> results = ResultsTable.rows(ResultsTable.read(first.resolve("results.csv")));
    List<Condition> conditions = new ArrayList<>(
        List.of(Condition.CLEAN, new Condition("depth-exp", 2)));
    task.views().forEach(v -> conditions.add(new Condition("depth-exp", 2, v.name())));
    Set<List<Object>> found = new HashSet<>();
    for (Result r : results) {
      assertThat(r.task()).isEqualTo(task.id());
      assertThat(task.metrics()).contains(r.metric());
      found.add(List.of(r.model(), r.condition(), r.metric()));
      assertWithinRange(r.metric(), r.value());
    }
    for (String model : List.of(PROBE_MODEL, task.baselineName())) {
      for (Condition c : conditions) {
        for (Metric m : task.metrics()) {
          assertThat(found).as("%s %s %s", model, c.label(), m).contains(List.of(model, c, m));
        }
      }
    }

    List<Prediction> predictions =
        PredictionsTable.rows(PredictionsTable.read(first.resolve("predictions.csv")));
    assertThat(predictions).extracting(Prediction::model)
        .containsOnly(PROBE_MODEL, task.baselineName());
    for (Prediction p : predictions) {
      assertValidFor(task.probeTask(), p);
    }

    for (String table : List.of("results.csv", "predictions.csv", "summary.csv")) {
      assertThat(Files.readAllBytes(second.resolve(table)))
          .as(table).isEqualTo(Files.readAllBytes(first.resolve(table)));
    }
  }

  /** Errors are at least 0; R² is at most 1; AUROCs, accuracies and F1 lie in [0, 1]. */
  private static void assertWithinRange(Metric metric, double value) {
    boolean mayBeUndefined = metric == Metric.AUROC_EF50 || metric == Metric.R2;
    if (Double.isNaN(value)) {
      assertThat(mayBeUndefined).as("%s is undefined", metric).isTrue();
      return;
    }
    if (metric.isError()) {
      assertThat(value).as(metric.id()).isGreaterThanOrEqualTo(0);
    } else if (metric == Metric.R2) {
      assertThat(value).as(metric.id()).isLessThanOrEqualTo(1);
    } else {
      assertThat(value).as(metric.id()).isBetween(0.0, 1.0);
    }
  }

  /**
   * A value predicts one finite number and no probabilities; a class prediction is the arg-max of
   * class probabilities that sum to 1, one per class.
   */
  private static void assertValidFor(ProbeTask probe, Prediction p) {
    assertThat(p.prediction()).isFinite();
    if (probe.isRegression()) {
      assertThat(p.hasScores()).isFalse();
      return;
    }
    double[] scores = p.scores();
    assertThat(scores).hasSize(probe.classes());
    double sum = 0;
    int best = 0;
    for (int c = 0; c < scores.length; c++) {
      assertThat(scores[c]).isBetween(0.0, 1.0);
      sum += scores[c];
      best = scores[c] > scores[best] ? c : best;
    }
    assertThat(sum).isCloseTo(1.0, within(1e-5));
    assertThat(p.prediction()).isEqualTo(best);
    assertThat(p.target()).isIn(0.0, 1.0, 2.0, 3.0);
  }
}
