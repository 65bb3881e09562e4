package echobench.reports.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import echobench.reports.Condition;
import echobench.reports.Evaluation;
import echobench.reports.ReferenceBaseline;
import echobench.reports.metrics.Metric;
import echobench.reports.results.Prediction;
import echobench.reports.results.PredictionsTable;
import echobench.reports.results.ResultsTable;
import echobench.reports.stats.BootstrapSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

/**
 * The gate on two runs that differ only by sampling noise (as two probe seeds do) and on a run
 * with a real regression, each built as a predictions table and the results computed from it.
 */
class GateNoiseTest {
  private static final String MODEL = "jepa/attentive";
  private static final Condition SHADOW = new Condition("shadow-gauss", 2);
  private static final int VIDEOS = 60;
  private static final BootstrapSettings BOOTSTRAP = BootstrapSettings.withSeed(3);

  /** One run: results and predictions of the model and the training-mean baseline. */
  private record Run(Table results, Table predictions) {}

  /**
   * A run whose probe errs by a normal draw of standard deviation 4 EF points per video (the draw
   * seeded by {@code probeSeed}, as a probe seed changes every prediction a little), 1.5 points
   * more under the shadow; {@code change} then maps each signed error.
   */
  private static Run run(long probeSeed, DoubleUnaryOperator change) {
    SplittableRandom random = new SplittableRandom(probeSeed);
    List<Prediction> predictions = new ArrayList<>();
    for (int v = 0; v < VIDEOS; v++) {
      double target = 20 + (v * 37) % 55;
      double clean = change.applyAsDouble(4 * gaussian(random));
      double shadow = change.applyAsDouble(4 * gaussian(random) + 1.5);
      predictions.add(new Prediction(MODEL, "adult", Condition.CLEAN, "v" + v, target,
          target + clean));
      predictions.add(new Prediction(MODEL, "adult", SHADOW, "v" + v, target, target + shadow));
    }
    predictions.addAll(ReferenceBaseline.trainMean(47.5).predictions(predictions));
    return new Run(ResultsTable.toTable(Evaluation.results(predictions, "lvef",
        List.of(Metric.MAE, Metric.AUROC_EF50), BOOTSTRAP)), PredictionsTable.toTable(predictions));
  }

  private static double gaussian(SplittableRandom random) {
    // Box–Muller from two uniform draws
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  private static GateRule rule(GateCheck check, double max, GateStatistic statistic) {
    return new GateRule(check + " " + statistic, Metric.MAE, "*", Optional.empty(), check,
        check == GateCheck.CONDITION ? Optional.of(SHADOW) : Optional.empty(), max, statistic,
        false);
  }

  private static GateResult gate(Run baseline, Run candidate, List<GateRule> rules) {
    return Gate.evaluate(baseline.results(), Optional.of(baseline.predictions()),
        candidate.results(), Optional.of(candidate.predictions()), rules, Optional.empty(),
        Optional.empty(), BOOTSTRAP);
  }

  /** The noise-only pair ordered so that the candidate's clean MAE is the larger. */
  private static List<Run> noisePair() {
    Run first = run(11, e -> e);
    Run second = run(12, e -> e);
    GateResult probe = gate(first, second, List.of(rule(GateCheck.CLEAN, 0, GateStatistic.POINT)));
    return probe.verdicts().get(0).worsening().estimate() > 0
        ? List.of(first, second) : List.of(second, first);
  }

  @Test
  void aProbeSeedAloneFailsThePointRuleButNotTheCiLowerRule() {
    List<Run> pair = noisePair();
    GateResult result = gate(pair.get(0), pair.get(1), List.of(
        rule(GateCheck.CLEAN, 0, GateStatistic.POINT),
        rule(GateCheck.CLEAN, 0, GateStatistic.CI_LOWER),
        rule(GateCheck.CLEAN, 0, GateStatistic.CI_UPPER)));

    GateVerdict point = result.verdicts().get(0);
    GateVerdict lower = result.verdicts().get(1);
    GateVerdict upper = result.verdicts().get(2);
    // Noise: the candidate is worse by a positive amount, yet the interval straddles zero.
    assertThat(point.worsening().estimate()).isPositive();
    assertThat(point.worsening().low()).isNegative();
    assertThat(point.worsening().high()).isGreaterThan(point.worsening().estimate());
    assertThat(point.outcome()).isEqualTo(GateVerdict.Outcome.FAIL);
    assertThat(lower.outcome()).isEqualTo(GateVerdict.Outcome.PASS);
    // Non-inferiority is not shown by a noisy comparison: the strict statistic fails.
    assertThat(upper.outcome()).isEqualTo(GateVerdict.Outcome.FAIL);
    assertThat(upper.detail()).contains("upper end of its interval");
    assertThat(result.failures()).isEqualTo(2);
  }

  @Test
  void aRealRegressionFailsEveryStatistic() {
    Run baseline = run(11, e -> e);
    // The same probe, but every error grows by 3 EF points: clean MAE worsens by exactly 3.
    Run regressed = run(11, e -> e + Math.copySign(3, e));
    GateResult result = gate(baseline, regressed, List.of(
        rule(GateCheck.CLEAN, 0.25, GateStatistic.POINT),
        rule(GateCheck.CLEAN, 0.25, GateStatistic.CI_LOWER),
        rule(GateCheck.CLEAN, 0.25, GateStatistic.CI_UPPER)));

    assertThat(result.verdicts()).allSatisfy(v -> {
      assertThat(v.outcome()).isEqualTo(GateVerdict.Outcome.FAIL);
      // every resample holds the same videos for both runs, so every replicate worsens by 3
      assertThat(v.worsening().estimate()).isCloseTo(3, within(1e-9));
      assertThat(v.worsening().low()).isCloseTo(3, within(1e-9));
      assertThat(v.worsening().high()).isCloseTo(3, within(1e-9));
    });
    assertThat(result.verdicts().get(1).detail())
        .startsWith("worsened by 3.000 (the lower end of its interval)");
  }

  @Test
  void theIntervalsEstimateIsTheResultsPointForEveryCheck() {
    List<Run> pair = noisePair();
    GateResult result = gate(pair.get(0), pair.get(1), List.of(
        rule(GateCheck.CLEAN, 1, GateStatistic.CI_LOWER),
        rule(GateCheck.CONDITION, 1, GateStatistic.CI_LOWER),
        rule(GateCheck.AVG_DEGRADATION, 1, GateStatistic.CI_LOWER),
        rule(GateCheck.WORST_DEGRADATION, 1, GateStatistic.CI_LOWER)));

    for (GateVerdict v : result.verdicts()) {
      // recomputed from predictions on all videos = the two results.csv values' difference
      double fromResults = v.candidate() - v.baseline();
      assertThat(v.worsening().estimate()).as(v.rule().name()).isCloseTo(fromResults,
          within(1e-9));
      assertThat(v.worsening().low()).as(v.rule().name())
          .isLessThanOrEqualTo(v.worsening().high());
    }
  }

  @Test
  void anUndefinedMetricIsNotComparableUnlessTheRuleRequiresIt() {
    Run run = run(11, e -> e);
    // Reduced EF (< 50 %) AUROC on a set where it is defined, against one where every target is
    // normal: the candidate's AUROC is undefined.
    List<Prediction> normalOnly = new ArrayList<>();
    for (Prediction p : PredictionsTable.rows(run.predictions())) {
      normalOnly.add(new Prediction(p.model(), p.dataset(), p.condition(), p.video(),
          60 + p.target() / 10, p.prediction()));
    }
    Run oneClass = new Run(ResultsTable.toTable(Evaluation.results(normalOnly, "lvef",
        List.of(Metric.MAE, Metric.AUROC_EF50), BOOTSTRAP)), PredictionsTable.toTable(normalOnly));
    GateRule auroc = new GateRule("auroc", Metric.AUROC_EF50, "*", Optional.empty(),
        GateCheck.CLEAN, Optional.empty(), 0.02);
    GateRule required = new GateRule("auroc required", Metric.AUROC_EF50, "*", Optional.empty(),
        GateCheck.CLEAN, Optional.empty(), 0.02, GateStatistic.POINT, true);

    GateResult result = gate(run, oneClass, List.of(auroc, required));

    assertThat(result.verdicts()).extracting(GateVerdict::outcome).containsExactly(
        GateVerdict.Outcome.NOT_COMPARABLE, GateVerdict.Outcome.FAIL);
    assertThat(result.verdicts().get(0).detail()).contains("undefined");
    assertThat(result.failures()).isEqualTo(1);
    assertThat(GateMarkdown.render(result, "a", "b")).contains("not comparable")
        .contains("0 of 2 checks passed, 1 not comparable");
    assertThat(GateJunitXml.render(result)).contains("skipped=\"1\"").contains("<skipped");
  }

  @Test
  void aSelfGateOfARunWithAnUndefinedAurocPasses() {
    List<Prediction> normalOnly = new ArrayList<>();
    for (Prediction p : PredictionsTable.rows(run(11, e -> e).predictions())) {
      normalOnly.add(new Prediction(p.model(), p.dataset(), p.condition(), p.video(),
          60 + p.target() / 10, p.prediction()));
    }
    Run self = new Run(ResultsTable.toTable(Evaluation.results(normalOnly, "lvef",
        List.of(Metric.MAE, Metric.AUROC_EF50), BOOTSTRAP)), PredictionsTable.toTable(normalOnly));
    GateResult result = gate(self, self, List.of(
        new GateRule("auroc", Metric.AUROC_EF50, "*", Optional.empty(), GateCheck.CLEAN,
            Optional.empty(), 0.02),
        rule(GateCheck.AVG_DEGRADATION, 0, GateStatistic.CI_LOWER)));

    assertThat(result.passed()).isTrue();
    assertThat(result.verdicts().get(1).worsening().estimate()).isZero();
    assertThat(result.verdicts().get(1).worsening().high()).isZero();
  }

  @Test
  void aCiRuleWithoutPredictionsIsRefused() {
    Run run = run(11, e -> e);
    assertThatThrownBy(() -> Gate.evaluate(run.results(), Optional.empty(), run.results(),
        Optional.of(run.predictions()), List.of(rule(GateCheck.CLEAN, 0, GateStatistic.CI_LOWER)),
        Optional.empty(), Optional.empty(), BOOTSTRAP))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("predictions.csv of both runs");
  }
}
