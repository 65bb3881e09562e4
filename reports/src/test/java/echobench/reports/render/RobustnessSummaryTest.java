package echobench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.reports.Condition;
import echobench.reports.Evaluation;
import echobench.reports.ModelNames;
import echobench.reports.ReferenceBaseline;
import echobench.reports.metrics.Metric;
import echobench.reports.results.Prediction;
import echobench.reports.results.BaselineDifference;
import echobench.reports.results.PredictionIndex;
import echobench.reports.results.Result;
import echobench.reports.results.SummaryIntervals;
import echobench.reports.results.SummaryRow;
import echobench.reports.results.SummaryTable;
import echobench.reports.stats.BootstrapSettings;
import echobench.reports.stats.PairedBootstrap;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RobustnessSummaryTest {
  private static final Offset<Double> EXACT = Offset.offset(1e-12);
  private static final Condition P1 = new Condition("depth-exp", 1);
  private static final Condition P2 = new Condition("shadow-gauss", 2);
  private static final List<String> VIDEOS = List.of("v1", "v2", "v3", "v4", "v5");
  private static final double[] TARGETS = {30, 42, 55, 61, 48};
  /** Per condition (clean, P1, P2): the prediction error of each video. */
  private static final double[][] ERRORS = {
    {1, -2, 0.5, 3, -1}, {2, -3, 1, 4, -2}, {-1, -4, 2, 1, 3}};

  @Test
  void theAvgDegIntervalIsTheDegradationOfTheSameResampledVideosRecomputedByHand() {
    BootstrapSettings tiny = new BootstrapSettings(7, 21, 0.8);
    List<Prediction> predictions = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      for (int v = 0; v < VIDEOS.size(); v++) {
        predictions.add(new Prediction("m/linear", "adult", List.of(Condition.CLEAN, P1, P2).get(c),
            VIDEOS.get(v), TARGETS[v], TARGETS[v] + ERRORS[c][v]));
      }
    }
    List<Result> results =
        Evaluation.results(predictions, "lvef", List.of(Metric.MAE), tiny);
    SummaryRow row = RobustnessSummary.of(results,
        Optional.of(new PredictionIndex(predictions)), tiny).get(0);

    // The same seven resamples, with MAE and the degradation written out.
    var expected = new PairedBootstrap(VIDEOS, tiny).interval(indices -> {
      double[] mae = new double[3];
      for (int c = 0; c < 3; c++) {
        for (int i : indices) {
          mae[c] += Math.abs(ERRORS[c][i]) / indices.length;
        }
      }
      return ((mae[1] - mae[0]) / mae[0] + (mae[2] - mae[0]) / mae[0]) / 2;
    });
    // Clean MAE 7.5/5 = 1.5, P1 12/5 = 2.4, P2 11/5 = 2.2: Avg. Deg. (0.6 + 0.4667) / 2.
    assertThat(row.avgDegradation()).isCloseTo((0.9 / 1.5 + 0.7 / 1.5) / 2, EXACT);
    // Equal up to the order of the floating-point sums.
    assertThat(row.intervals().avgDegradationLow()).isCloseTo(expected.low(), EXACT);
    assertThat(row.intervals().avgDegradationHigh()).isCloseTo(expected.high(), EXACT);
    assertThat(expected.low()).isLessThan(expected.high());
    // One model: no effective-robustness line.
    assertThat(row.intervals().effectiveRobustness()).isNaN();
  }

  @Test
  void effectiveRobustnessIsEachModelsResidualFromTheLineThroughThreeModels() {
    // Clean MAE 2, 4, 6; perturbed 3, 7, 8. Means 4 and 6; Sxx = 8, Sxy = 6 + 0 + 4 = 10:
    // slope 1.25, intercept 6 − 5 = 1. Residuals: 3 − 3.5, 7 − 6, 8 − 8.5.
    List<Result> results = new ArrayList<>();
    add(results, "a/linear", 2, 3);
    add(results, "b/linear", 4, 7);
    add(results, "c/linear", 6, 8);
    add(results, ModelNames.TRAIN_MEAN_BASELINE, 9, 9);
    List<SummaryRow> rows =
        RobustnessSummary.of(results, Optional.empty(), BootstrapSettings.withSeed(0));

    assertThat(rows).extracting(r -> r.intervals().effectiveRobustness())
        .containsExactly(-0.5, 1.0, -0.5, Double.NaN);
    // Without per-video predictions there is no interval.
    assertThat(rows.get(0).intervals().effectiveRobustnessLow()).isNaN();
    assertThat(rows.get(0).intervals().avgDegradationLow()).isNaN();

    List<SummaryRow> two = RobustnessSummary.of(results.subList(0, 4), Optional.empty(),
        BootstrapSettings.withSeed(0));
    assertThat(two).extracting(r -> r.intervals().effectiveRobustness())
        .containsOnly(Double.NaN);

    // Against the baseline's clean MAE 9: the recorded values' differences, no interval.
    assertThat(rows).extracting(r -> r.vsBaseline().difference())
        .containsExactly(2 - 9.0, 4 - 9.0, 6 - 9.0, Double.NaN);
    assertThat(rows).extracting(r -> r.vsBaseline().low()).containsOnly(Double.NaN);
    // Without a baseline in the run: empty.
    assertThat(RobustnessSummary.of(results.subList(0, 6), Optional.empty(),
        BootstrapSettings.withSeed(0))).extracting(r -> r.vsBaseline())
        .containsOnly(BaselineDifference.NONE);
  }

  @Test
  void theCleanDifferenceFromTheTrainMeanIsRecomputedOnTheSameResampledVideos() {
    BootstrapSettings tiny = new BootstrapSettings(50, 21, 0.8);
    List<Prediction> predictions = new ArrayList<>();
    for (int c = 0; c < 3; c++) {
      for (int v = 0; v < VIDEOS.size(); v++) {
        predictions.add(new Prediction("m/linear", "adult", List.of(Condition.CLEAN, P1, P2).get(c),
            VIDEOS.get(v), TARGETS[v], TARGETS[v] + ERRORS[c][v]));
      }
    }
    double mean = 47.2; // (30 + 42 + 55 + 61 + 48) / 5
    predictions.addAll(ReferenceBaseline.trainMean(mean).predictions(predictions));
    List<Result> results =
        Evaluation.results(predictions, "lvef", List.of(Metric.MAE), tiny);
    List<SummaryRow> rows =
        RobustnessSummary.of(results, Optional.of(new PredictionIndex(predictions)), tiny);
    SummaryRow model = rows.get(0);
    assertThat(model.model()).isEqualTo("m/linear");

    assertIsTheCleanDifferenceFromTheTrainMean(model, tiny, mean);
    // The baseline's own row: empty.
    assertThat(rows.get(1).model()).isEqualTo(ModelNames.TRAIN_MEAN_BASELINE);
    assertThat(rows.get(1).vsBaseline()).isEqualTo(BaselineDifference.NONE);
  }

  @Test
  void aCleanOnlyRunStillGetsThePairedIntervalAgainstTheBaseline() {
    // As in a zero-shot transfer study: clean predictions only, so no robustness figures at all.
    BootstrapSettings tiny = new BootstrapSettings(50, 21, 0.8);
    List<Prediction> predictions = new ArrayList<>();
    for (int v = 0; v < VIDEOS.size(); v++) {
      predictions.add(new Prediction("m/linear", "adult", Condition.CLEAN, VIDEOS.get(v),
          TARGETS[v], TARGETS[v] + ERRORS[0][v]));
    }
    double mean = 47.2;
    predictions.addAll(ReferenceBaseline.trainMean(mean).predictions(predictions));
    List<Result> results =
        Evaluation.results(predictions, "lvef", List.of(Metric.MAE), tiny);
    SummaryRow model =
        RobustnessSummary.of(results, Optional.of(new PredictionIndex(predictions)), tiny).get(0);

    assertThat(model.intervals()).isEqualTo(SummaryIntervals.NONE);
    assertIsTheCleanDifferenceFromTheTrainMean(model, tiny, mean);
  }

  @Test
  void aSummaryWrittenBeforeTheIntervalColumnsStillReads(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("summary.csv");
    Files.writeString(file, "model,dataset,task,metric,clean,avg_degradation,"
        + "worst_degradation,worst_condition\n"
        + "a/linear,adult,lvef,mae,4.5,0.1,0.2,depth-exp@3\n");
    SummaryRow row = SummaryTable.rows(SummaryTable.read(file)).get(0);
    assertThat(row).isEqualTo(new SummaryRow("a/linear", "adult", "lvef", Metric.MAE, 4.5, 0.1,
        0.2, "depth-exp@3", SummaryIntervals.NONE));

    Path written = dir.resolve("new.csv");
    SummaryRow full = row.withIntervals(new SummaryIntervals(0.05, 0.15, -0.3, -0.6, 0.1))
        .withBaselineDifference(new BaselineDifference(-1.9, -3.1, -0.8));
    SummaryTable.write(SummaryTable.toTable(List.of(full)), written);
    assertThat(Files.readAllLines(written).get(1)).isEqualTo("a/linear,adult,lvef,mae,4.5,0.1,"
        + "0.2,depth-exp@3,0.05,0.15,-0.3,-0.6,0.1,-1.9,-3.1,-0.8");
    assertThat(SummaryTable.rows(SummaryTable.read(written))).containsExactly(full);
    byte[] bytes = Files.readAllBytes(written);
    SummaryTable.write(SummaryTable.read(written), written);
    assertThat(Files.readAllBytes(written)).isEqualTo(bytes);
  }

  @Test
  void aSummaryWrittenBeforeTheBaselineColumnsStillReads(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("summary.csv");
    Files.writeString(file, "model,dataset,task,metric,clean,avg_degradation,"
        + "worst_degradation,worst_condition,avg_degradation_ci_low,avg_degradation_ci_high,"
        + "effective_robustness,effective_robustness_ci_low,effective_robustness_ci_high\n"
        + "a/linear,adult,lvef,mae,4.5,0.1,0.2,depth-exp@3,0.05,0.15,-0.3,-0.6,0.1\n");
    SummaryRow row = SummaryTable.rows(SummaryTable.read(file)).get(0);
    assertThat(row).isEqualTo(new SummaryRow("a/linear", "adult", "lvef", Metric.MAE, 4.5, 0.1,
        0.2, "depth-exp@3", new SummaryIntervals(0.05, 0.15, -0.3, -0.6, 0.1)));
    assertThat(row.vsBaseline()).isEqualTo(BaselineDifference.NONE);
  }

  /**
   * {@code model}'s difference from the train-mean baseline ({@code mean}) is the clean MAE's, and
   * its interval the paired bootstrap of the per-video differences, recomputed here by hand.
   */
  private static void assertIsTheCleanDifferenceFromTheTrainMean(SummaryRow model,
      BootstrapSettings settings, double mean) {
    // Clean MAE 7.5 / 5 = 1.5; the baseline's |error| 17.2, 5.2, 7.8, 13.8, 0.8: 44.8 / 5 = 8.96.
    assertThat(model.vsBaseline().difference()).isCloseTo(1.5 - 8.96, Offset.offset(1e-9));
    var expected = new PairedBootstrap(VIDEOS, settings).interval(indices -> {
      double difference = 0;
      for (int i : indices) {
        difference += (Math.abs(ERRORS[0][i]) - Math.abs(TARGETS[i] - mean)) / indices.length;
      }
      return difference;
    });
    assertThat(model.vsBaseline().low()).isCloseTo(expected.low(), Offset.offset(1e-9));
    assertThat(model.vsBaseline().high()).isCloseTo(expected.high(), Offset.offset(1e-9));
    assertThat(expected.high()).isLessThan(0);
    assertThat(expected.low()).isLessThan(expected.high());
  }

  private static void add(List<Result> results, String model, double clean, double perturbed) {
    results.add(new Result(model, "adult", "lvef", Condition.CLEAN, Metric.MAE, clean,
        Double.NaN, Double.NaN, 10));
    results.add(new Result(model, "adult", "lvef", P1, Metric.MAE, perturbed,
        Double.NaN, Double.NaN, 10));
  }
}
