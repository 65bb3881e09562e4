package echobench.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.metrics.Metric;
import echobench.reports.results.Prediction;
import echobench.reports.results.Result;
import echobench.reports.stats.BootstrapSettings;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EvaluationTest {
  private static final List<Condition> CONDITIONS =
      List.of(Condition.CLEAN, new Condition("depth-exp", 1), new Condition("depth-exp", 2));
  private static final List<Metric> METRICS =
      List.of(Metric.MAE, Metric.RMSE, Metric.R2, Metric.AUROC_EF50);

  @Test
  void everyMetricEqualsTheOneRecomputedFromThePredictions() {
    List<Prediction> predictions =
        TestTables.predictions("m/attentive", "adult", 40, 4.0, 1.5, CONDITIONS, 3);
    List<Result> results =
        Evaluation.results(predictions, "lvef", METRICS, BootstrapSettings.withSeed(5));

    assertThat(results).hasSize(CONDITIONS.size() * METRICS.size());
    for (Result r : results) {
      List<Prediction> group = predictions.stream()
          .filter(p -> p.condition().equals(r.condition())).toList();
      double[] t = group.stream().mapToDouble(Prediction::target).toArray();
      double[] p = group.stream().mapToDouble(Prediction::prediction).toArray();
      assertThat(r.value()).isEqualTo(r.metric().compute(t, p));
      assertThat(r.ciLow()).isLessThanOrEqualTo(r.value());
      assertThat(r.ciHigh()).isGreaterThanOrEqualTo(r.value());
      assertThat(r.n()).isEqualTo(40);
      assertThat(r.task()).isEqualTo("lvef");
    }
  }

  @Test
  void theTrainMeanBaselinePredictsTheMeanEverywhereAndNeverDegrades() {
    List<Prediction> predictions = new ArrayList<>(
        TestTables.predictions("m/linear", "adult", 30, 4.0, 1.5, CONDITIONS, 3));
    predictions.addAll(ReferenceBaseline.trainMean(47.5).predictions(predictions));
    List<Result> results = Evaluation.results(predictions, "lvef", List.of(Metric.MAE),
        BootstrapSettings.withSeed(1));
    List<Result> baseline = results.stream()
        .filter(r -> ModelNames.isBaseline(r.model())).toList();

    assertThat(baseline).hasSize(CONDITIONS.size());
    assertThat(baseline).extracting(Result::value).containsOnly(baseline.get(0).value());
    assertThat(predictions).filteredOn(p -> ModelNames.isBaseline(p.model()))
        .extracting(Prediction::prediction).containsOnly(47.5);
  }

  @Test
  void aGroupMissingAVideoIsRejected() {
    List<Prediction> predictions = new ArrayList<>(
        TestTables.predictions("a", "adult", 10, 1.0, 0, List.of(Condition.CLEAN), 1));
    predictions.addAll(
        TestTables.predictions("b", "adult", 9, 1.0, 0, List.of(Condition.CLEAN), 1));
    assertThatThrownBy(() -> Evaluation.results(predictions, "lvef", List.of(Metric.MAE),
        BootstrapSettings.withSeed(1)))
        .hasMessageContaining("b on adult (clean) does not predict every video");
  }
}
