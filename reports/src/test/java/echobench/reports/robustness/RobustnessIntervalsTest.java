package echobench.reports.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import echobench.reports.Condition;
import echobench.reports.Evaluation;
import echobench.reports.TestTables;
import echobench.reports.metrics.Metric;
import echobench.reports.results.Prediction;
import echobench.reports.results.PredictionIndex;
import echobench.reports.results.SummaryRow;
import echobench.reports.stats.BootstrapSettings;
import echobench.reports.stats.ConfidenceInterval;
import echobench.reports.stats.ResamplingUnits;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RobustnessIntervalsTest {
  private static final Condition P1 = new Condition("depth-exp", 1);
  private static final Condition P2 = new Condition("depth-exp", 2);
  private static final double[] TARGETS = {40, 50, 60, 70};

  /** Every video off by the same error, per condition: clean, P1, P2 (sign alternating). */
  private static void model(List<Prediction> rows, String model, double... errors) {
    List<Condition> conditions = List.of(Condition.CLEAN, P1, P2);
    for (int c = 0; c < conditions.size(); c++) {
      for (int v = 0; v < TARGETS.length; v++) {
        double sign = v % 2 == 0 ? 1 : -1;
        rows.add(new Prediction(model, "adult", conditions.get(c), "v" + v, TARGETS[v],
            TARGETS[v] + sign * errors[c]));
      }
    }
  }

  private static RobustnessIntervals equalErrors() {
    List<Prediction> rows = new ArrayList<>();
    model(rows, "a", 1, 2, 3);
    model(rows, "b", 2, 3, 2);
    model(rows, "c", 4, 4, 6);
    // d lacks P2: left out
    rows.addAll(TestTables.predictions("d", "adult", 4, 1, 0, List.of(Condition.CLEAN, P1), 1)
        .stream().map(p -> new Prediction(p.model(), p.dataset(), p.condition(),
            "v" + p.video().substring(3), p.target(), p.prediction())).toList());
    return new RobustnessIntervals(new PredictionIndex(rows), "adult", Metric.MAE,
        List.of(P1, P2), List.of("a", "b", "c", "d"), BootstrapSettings.withSeed(7));
  }

  @Test
  void avgDegradationAndItsDifferenceByHand() {
    RobustnessIntervals intervals = equalErrors();
    assertThat(intervals.models()).containsExactly("a", "b", "c");
    // a: MAE 1 clean, 2 and 3 perturbed: ((2 − 1)/1 + (3 − 1)/1)/2 = 1.5 on every resample
    assertInterval(intervals.avgDegradation("a"), 1.5);
    // b: MAE 2, 3, 2: (0.5 + 0)/2 = 0.25
    assertInterval(intervals.avgDegradation("b"), 0.25);
    assertInterval(intervals.avgDegradationDifference("a", "b"), 1.25);
    assertInterval(intervals.clean("c"), 4);
    assertInterval(intervals.perturbed("c"), 5);
  }

  @Test
  void effectiveRobustnessByHand() {
    RobustnessIntervals intervals = equalErrors();
    // points (1, 2.5), (2, 2.5), (4, 5): slope (25/6)/(14/3) = 25/28, intercept 10/3 − 25/12
    List<String> fitted = List.of("a", "b", "c");
    EffectiveRobustness line = intervals.line(fitted);
    assertThat(line.slope()).isCloseTo(25.0 / 28, within(1e-12));
    assertThat(line.intercept()).isCloseTo(1.25, within(1e-12));
    // b: 2.5 − (1.25 + 2 · 25/28) = −15/28
    assertInterval(intervals.effectiveRobustness("b", fitted), -15.0 / 28);
  }

  @Test
  void theEstimateIsTheSummarysAvgDegAndTheIntervalHoldsIt() {
    List<Condition> conditions = List.of(Condition.CLEAN, P1, P2);
    List<Prediction> rows = new ArrayList<>(
        TestTables.predictions("jepa", "adult", 40, 3.0, 0.1, conditions, 1));
    rows.addAll(TestTables.predictions("mae", "adult", 40, 3.0, 3.0, conditions, 2));
    BootstrapSettings settings = new BootstrapSettings(300, 5, 0.95);
    List<SummaryRow> summary = Summary.of(
        Evaluation.results(rows, "lvef", List.of(Metric.MAE), settings));
    RobustnessIntervals intervals = new RobustnessIntervals(new PredictionIndex(rows), "adult",
        Metric.MAE, List.of(P1, P2), List.of("jepa", "mae"), settings);
    for (SummaryRow s : summary) {
      ConfidenceInterval avg = intervals.avgDegradation(s.model());
      assertThat(avg.estimate()).isCloseTo(s.avgDegradation(), within(1e-12));
      assertThat(avg.low()).isLessThan(avg.estimate());
      assertThat(avg.high()).isGreaterThan(avg.estimate());
    }
    // mae's added bias per severity is larger: it degrades more, and significantly so
    ConfidenceInterval d = intervals.avgDegradationDifference("mae", "jepa");
    assertThat(d.estimate()).isCloseTo(
        summary.get(1).avgDegradation() - summary.get(0).avgDegradation(), within(1e-12));
    assertThat(d.low()).isGreaterThan(0);
  }

  /**
   * Per model, the absolute error of each video on clean, with alternating sign; P1 repeats the
   * clean predictions (one perturbed condition, so the models count as complete).
   */
  private static RobustnessIntervals cleanErrors(BootstrapSettings settings,
      Map<String, double[]> errors) {
    List<Prediction> rows = new ArrayList<>();
    for (Map.Entry<String, double[]> model : errors.entrySet()) {
      for (Condition condition : List.of(Condition.CLEAN, P1)) {
        for (int v = 0; v < TARGETS.length; v++) {
          double sign = v % 2 == 0 ? 1 : -1;
          rows.add(new Prediction(model.getKey(), "adult", condition, "v" + v, TARGETS[v],
              TARGETS[v] + sign * model.getValue()[v]));
        }
      }
    }
    return new RobustnessIntervals(new PredictionIndex(rows), "adult", Metric.MAE, List.of(P1),
        List.copyOf(errors.keySet()), settings);
  }

  @Test
  void aModelTwoPointsBetterOnEveryVideoIsTwoBetterOnEveryResample() {
    // Whatever videos a resample draws, each is 2 EF points closer for "good": the MAE
    // difference is −2 on every resample, a zero-width interval.
    RobustnessIntervals intervals = cleanErrors(BootstrapSettings.withSeed(3), Map.of(
        "good", new double[] {1, 3, 0.5, 2},
        "baseline:train-mean", new double[] {3, 5, 2.5, 4}));
    assertInterval(intervals.cleanDifference("good", "baseline:train-mean"), -2);
    assertInterval(intervals.cleanDifference("baseline:train-mean", "good"), 2);
  }

  @Test
  void aDifferenceWhoseSignFlipsAcrossResamplesHasAnIntervalAcrossZero() {
    // a is exact on v0, v1 and 4 off on v2, v3; b is 2 off everywhere. On all four videos the
    // MAEs are equal (estimate 0); a resample drawing k of its 4 videos from {v2, v3} gives
    // 4k/4 − 2 = k − 2, k ~ Binomial(4, 1/2): −2 and +2 each with probability 1/16 = 6.25 %,
    // more than the 2.5 % tails of a 95 % interval, so the interval is exactly [−2, 2].
    Map<String, double[]> errors = Map.of(
        "a", new double[] {0, 0, 4, 4}, "b", new double[] {2, 2, 2, 2});
    ConfidenceInterval d = cleanErrors(BootstrapSettings.withSeed(11), errors)
        .cleanDifference("a", "b");
    assertThat(d.estimate()).isCloseTo(0, within(1e-12));
    assertThat(d.low()).isCloseTo(-2, within(1e-12));
    assertThat(d.high()).isCloseTo(2, within(1e-12));

    // At 60 % (20th and 80th percentiles) by video: P(k = 0) = 6.25 % and P(k ≤ 1) = 31.25 %,
    // so the ends are −1 and +1. By patient (v0 and v1 one patient, v2 and v3 another) a
    // resample draws two patients, k ∈ {0, 2, 4}: P(k = 0) = 25 % > 20 %, so −2 and +2.
    BootstrapSettings sixty = new BootstrapSettings(1000, 11, 0.6);
    ConfidenceInterval byVideo = cleanErrors(sixty, errors).cleanDifference("a", "b");
    assertThat(byVideo.low()).isCloseTo(-1, within(1e-12));
    assertThat(byVideo.high()).isCloseTo(1, within(1e-12));
    ConfidenceInterval byPatient = cleanErrors(sixty.withUnits(new ResamplingUnits(Map.of(
        "adult", Map.of("v0", "P0", "v1", "P0", "v2", "P1", "v3", "P1")))), errors)
        .cleanDifference("a", "b");
    assertThat(byPatient.low()).isCloseTo(-2, within(1e-12));
    assertThat(byPatient.high()).isCloseTo(2, within(1e-12));
  }

  private static void assertInterval(ConfidenceInterval ci, double value) {
    assertThat(ci.estimate()).isCloseTo(value, within(1e-12));
    assertThat(ci.low()).isCloseTo(value, within(1e-12));
    assertThat(ci.high()).isCloseTo(value, within(1e-12));
  }
}
