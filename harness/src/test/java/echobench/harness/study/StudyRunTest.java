package echobench.harness.study;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.reports.Condition;
import echobench.reports.ModelNames;
import echobench.reports.metrics.Metric;
import echobench.reports.results.Prediction;
import echobench.reports.results.PredictionsTable;
import echobench.reports.results.Result;
import echobench.reports.results.ResultsTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on {@code configs/smoke.yaml}: one shared run checked for completeness, for metrics
 * that match the predictions, for the identity of severity 0, for byte-identical repetition and for
 * a resume after a simulated interruption.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StudyRunTest {
  private static final List<String> MODELS = List.of("jepa-micro/attentive", "jepa-micro/linear",
      "mae-micro/attentive", "mae-micro/linear", "random-micro/attentive", "random-micro/linear",
      ModelNames.TRAIN_MEAN_BASELINE);

  @TempDir static Path temp;
  private Path run;
  private List<Result> results;
  private List<Prediction> predictions;

  @BeforeAll
  void runSmokeStudy() {
    run = temp.resolve("runs").resolve("first");
    StudyRun.execute(SmokeConfig.path(), new StudyRun.Options(run, null, false, false));
    results = ResultsTable.rows(ResultsTable.read(run.resolve("results.csv")));
    predictions = PredictionsTable.rows(PredictionsTable.read(run.resolve("predictions.csv")));
  }

  @Test
  void writesEveryOutputOfARunFolder() {
    for (String file : List.of("results.csv", "predictions.csv", "summary.csv", "report.md",
        "report.html", "config.resolved.yaml", "run.json")) {
      assertThat(run.resolve(file)).isNotEmptyFile();
    }
    assertThat(run.resolve("figures")).isDirectoryContaining("glob:**.png");
  }

  /** The LVEF task's metrics, in results order: the errors and scores, then the categories. */
  private static final List<Metric> LVEF_METRICS = List.of(Metric.MAE, Metric.RMSE, Metric.R2,
      Metric.AUROC_EF50, Metric.CATEGORY_ERROR, Metric.CATEGORY_FLIP);

  @Test
  void everyModelDatasetAndConditionHasEveryMetric() {
    StudyConfig config = StudyConfig.read(SmokeConfig.path());
    List<Condition> conditions = config.conditions();
    assertThat(conditions).hasSize(8).contains(new Condition("depth-exp", 0));
    Set<List<Object>> found = results.stream()
        .map(r -> List.<Object>of(r.model(), r.dataset(), r.condition(), r.metric()))
        .collect(Collectors.toSet());
    for (String model : MODELS) {
      for (String dataset : List.of("adult", "pediatric")) {
        for (Condition c : conditions) {
          for (Metric m : LVEF_METRICS) {
            assertThat(found).contains(List.of(model, dataset, c, m));
          }
        }
      }
    }
    assertThat(results).hasSize(MODELS.size() * 2 * conditions.size() * LVEF_METRICS.size());
  }

  @Test
  void metricsEqualThoseRecomputedFromThePredictions() {
    Map<List<Object>, List<Prediction>> groups = new HashMap<>();
    for (Prediction p : predictions) {
      groups.computeIfAbsent(List.of(p.model(), p.dataset(), p.condition()),
          k -> new ArrayList<>()).add(p);
    }
    for (Result r : results) {
      List<Prediction> group = groups.get(List.of(r.model(), r.dataset(), r.condition()));
      assertThat(r.n()).isEqualTo(group.size());
      double absolute = 0;
      double squared = 0;
      double mean = group.stream().mapToDouble(Prediction::target).average().orElseThrow();
      double total = 0;
      for (Prediction p : group) {
        double error = p.prediction() - p.target();
        absolute += Math.abs(error);
        squared += error * error;
        total += (p.target() - mean) * (p.target() - mean);
      }
      int n = group.size();
      switch (r.metric()) {
        case MAE -> assertThat(r.value()).isCloseTo(absolute / n, within(1e-9));
        case RMSE -> assertThat(r.value()).isCloseTo(Math.sqrt(squared / n), within(1e-9));
        case R2 -> assertThat(r.value()).isCloseTo(1 - squared / total, within(1e-9));
        default -> { }
      }
      if (!Double.isNaN(r.value())) {
        assertThat(r.ciLow()).isLessThanOrEqualTo(r.value());
        assertThat(r.ciHigh()).isGreaterThanOrEqualTo(r.value());
      }
    }
  }

  @Test
  void severityZeroPredictsExactlyAsClean() {
    Map<List<String>, Double> clean = new HashMap<>();
    for (Prediction p : predictions) {
      if (p.condition().isClean()) {
        clean.put(List.of(p.model(), p.dataset(), p.video()), p.prediction());
      }
    }
    List<Prediction> identity = predictions.stream()
        .filter(p -> p.condition().equals(new Condition("depth-exp", 0))).toList();
    assertThat(identity).hasSize(clean.size());
    for (Prediction p : identity) {
      assertThat(p.prediction()).isEqualTo(clean.get(List.of(p.model(), p.dataset(), p.video())));
    }
    assertThat(predictions.stream()
        .filter(p -> p.condition().equals(new Condition("depth-exp", 3)))
        .anyMatch(p -> p.prediction()
            != clean.get(List.of(p.model(), p.dataset(), p.video()))))
        .as("a real perturbation changes some prediction").isTrue();
  }

  @Test
  void theSameSeedGivesByteIdenticalResultsHoweverOftenTheCollectorRuns() throws Exception {
    Path second = temp.resolve("runs").resolve("second");
    // Garbage collections at arbitrary moments, as a busy machine produces them: results once
    // depended on whether one fell between a forward and a backward pass.
    Thread collector = new Thread(() -> {
      while (!Thread.currentThread().isInterrupted()) {
        System.gc();
        try {
          Thread.sleep(20);
        } catch (InterruptedException e) {
          return;
        }
      }
    }, "frequent-gc");
    collector.setDaemon(true);
    collector.start();
    try {
      StudyRun.execute(SmokeConfig.path(), new StudyRun.Options(second, null, false, false));
    } finally {
      collector.interrupt();
      collector.join();
    }
    assertThat(Files.readAllBytes(second.resolve("results.csv")))
        .isEqualTo(Files.readAllBytes(run.resolve("results.csv")));
  }

  @Test
  void resumeAfterAnInterruptionReusesFinishedWorkAndGivesTheSameResults() throws IOException {
    Path resumed = temp.resolve("runs").resolve("resumed");
    copyTree(run, resumed);
    for (String file : List.of("results.csv", "predictions.csv", "summary.csv", "report.md",
        "report.html", "run.json")) {
      Files.delete(resumed.resolve(file));
    }
    List<Path> cachedPredictions;
    try (Stream<Path> files = Files.list(resumed.resolve("cache").resolve("predictions"))) {
      cachedPredictions = files.sorted().toList();
    }
    for (int i = 0; i < cachedPredictions.size(); i += 3) {
      Files.delete(cachedPredictions.get(i));
    }
    FileTime old = FileTime.fromMillis(0);
    Set<Path> finished = new HashSet<>();
    try (Stream<Path> files = Files.walk(resumed.resolve("cache"))) {
      files.filter(f -> f.toString().endsWith("weights.safetensors")).forEach(finished::add);
    }
    assertThat(finished).hasSizeGreaterThanOrEqualTo(8);
    for (Path f : finished) {
      Files.setLastModifiedTime(f, old);
    }

    StudyRun.execute(SmokeConfig.path(), new StudyRun.Options(resumed, null, true, false));

    assertThat(Files.readAllBytes(resumed.resolve("results.csv")))
        .isEqualTo(Files.readAllBytes(run.resolve("results.csv")));
    assertThat(Files.readAllBytes(resumed.resolve("predictions.csv")))
        .isEqualTo(Files.readAllBytes(run.resolve("predictions.csv")));
    for (Path f : finished) {
      assertThat(Files.getLastModifiedTime(f)).as("not redone: " + f).isEqualTo(old);
    }
    try (Stream<Path> files = Files.list(resumed.resolve("cache").resolve("predictions"))) {
      assertThat(files.count()).isEqualTo(cachedPredictions.size());
    }
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> paths = Files.walk(from)) {
      for (Path p : paths.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }
}
