package echobench.reports.render;

import static org.assertj.core.api.Assertions.assertThat;

import echobench.reports.Condition;
import echobench.reports.Evaluation;
import echobench.reports.ReferenceBaseline;
import echobench.reports.metrics.Metric;
import echobench.reports.results.Prediction;
import echobench.reports.results.PredictionIndex;
import echobench.reports.results.ResultIndex;
import echobench.reports.stats.BootstrapSettings;
import echobench.reports.stats.ConfidenceInterval;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The verdict's sentence and the table on the best model against the training-mean baseline, on
 * four videos with targets 30, 40, 60, 70: the baseline predicts their mean 50, |errors| 20, 10,
 * 10, 20 (MAE 15).
 */
class AgainstBaselineTest {
  private static final double[] TARGETS = {30, 40, 60, 70};
  private static final double MEAN = 50;
  private static final BootstrapSettings SETTINGS = BootstrapSettings.withSeed(5);

  /** {@code model} off by {@code errors[v]} on video v, towards the mean, clean and perturbed. */
  private static void model(List<Prediction> rows, String model, double... errors) {
    for (Condition c : List.of(Condition.CLEAN, new Condition("depth-exp", 1))) {
      for (int v = 0; v < TARGETS.length; v++) {
        double towardsMean = Math.signum(MEAN - TARGETS[v]);
        rows.add(new Prediction(model, "adult", c, "v" + v, TARGETS[v],
            TARGETS[v] + towardsMean * errors[v]));
      }
    }
  }

  private static RobustnessFindings findings(List<Prediction> models, boolean perVideo) {
    List<Prediction> rows = new ArrayList<>(models);
    rows.addAll(ReferenceBaseline.trainMean(MEAN).predictions(models));
    ResultIndex index =
        new ResultIndex(Evaluation.results(rows, "lvef", List.of(Metric.MAE), SETTINGS));
    return RobustnessFindings.of(index,
        perVideo ? Optional.of(new PredictionIndex(rows)) : Optional.empty(), "adult", "lvef",
        Metric.MAE, SETTINGS).orElseThrow();
  }

  @Test
  void aModelTwoPointsCloserOnEveryVideoIsSignificantlyBetter() {
    // good: 18, 8, 8, 18 (MAE 13), 2 closer than the baseline on every video: −2 on every
    // resample. weak: 5, 5, 25, 21 (MAE 14). A resample draws all four videos from those of
    // the smaller error with probability 1/16 > 2.5 %, so the clean intervals are [8, 18] and
    // [10, 20].
    List<Prediction> rows = new ArrayList<>();
    model(rows, "good/linear", 18, 8, 8, 18);
    model(rows, "weak/linear", 5, 5, 25, 21);
    RobustnessFindings f = findings(rows, true);

    assertThat(AgainstBaseline.sentence(f)).contains("good/linear's clean mae is 2.00 lower than"
        + " baseline:train-mean's (interval -2.00 to -2.00): significantly better than"
        + " predicting the training mean.");
    TextTable table = AgainstBaseline.table(f, SETTINGS).orElseThrow();
    assertThat(table.header()).containsExactly("Model", "Clean", "baseline:train-mean clean",
        "Difference [95 % CI]", "Significant");
    assertThat(table.rows().get(0)).containsExactly("good/linear", "13.00 [8.00, 18.00]",
        "15.00 [10.00, 20.00]", "-2.00 [-2.00, -2.00]", "yes, better");
    assertThat(table.rows().get(1).get(4)).isEqualTo("no");
    assertThat(table.notes()).contains(Definitions.AGAINST_BASELINE);
  }

  @Test
  void aDifferenceWhoseSignFlipsIsNotSignificant() {
    // Per video weak − baseline: −15, −5, +15, +1 (mean −1). A resample of four draws is all
    // negative with probability 1/16 and all positive with 1/16, both beyond the 2.5 % tails.
    List<Prediction> rows = new ArrayList<>();
    model(rows, "weak/linear", 5, 5, 25, 21);
    RobustnessFindings f = findings(rows, true);
    ConfidenceInterval d = f.againstBaseline("weak/linear").orElseThrow();
    assertThat(d.estimate()).isEqualTo(-1.0);
    assertThat(d.low()).isLessThan(0);
    assertThat(d.high()).isGreaterThan(0);

    assertThat(AgainstBaseline.sentence(f)).contains("weak/linear's clean mae is 1.00 lower than"
        + " baseline:train-mean's (interval " + Cells.value(Metric.MAE, d.low()) + " to "
        + Cells.value(Metric.MAE, d.high()) + "): not significantly different from predicting"
        + " the training mean.");
    assertThat(f.againstBaseline("baseline:train-mean")).isEmpty();
  }

  @Test
  void withoutPerVideoPredictionsTheRecordedDifferenceHasNoInterval() {
    List<Prediction> rows = new ArrayList<>();
    model(rows, "good/linear", 18, 8, 8, 18);
    RobustnessFindings f = findings(rows, false);
    assertThat(AgainstBaseline.sentence(f)).contains("good/linear's clean mae is 2.00 lower than"
        + " baseline:train-mean's (no per-video predictions, so no interval).");
    assertThat(AgainstBaseline.table(f, SETTINGS).orElseThrow().rows().get(0))
        .containsExactly("good/linear", "13.00 [8.00, 18.00]", "15.00 [10.00, 20.00]",
            "-2.00", "–");
  }

  @Test
  void aRunWithoutBaselineSaysNothing() {
    List<Prediction> rows = new ArrayList<>();
    model(rows, "good/linear", 18, 8, 8, 18);
    ResultIndex index =
        new ResultIndex(Evaluation.results(rows, "lvef", List.of(Metric.MAE), SETTINGS));
    RobustnessFindings f = RobustnessFindings.of(index, Optional.of(new PredictionIndex(rows)),
        "adult", "lvef", Metric.MAE, SETTINGS).orElseThrow();
    assertThat(AgainstBaseline.sentence(f)).isEmpty();
    assertThat(AgainstBaseline.table(f, SETTINGS)).isEmpty();
  }
}
