package echobench.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import echobench.reports.Condition;
import echobench.reports.Evaluation;
import echobench.reports.results.Prediction;
import echobench.reports.results.Result;
import echobench.reports.results.SummaryRow;
import echobench.reports.robustness.Summary;
import echobench.reports.stats.BootstrapSettings;
import echobench.reports.stats.ConfidenceInterval;
import echobench.reports.stats.PairedBootstrap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LvefCategoryTest {
  private static final Condition PERTURBED = new Condition("depth-exp", 2);
  private static final List<String> VIDEOS = List.of("v1", "v2", "v3", "v4", "v5", "v6");
  // Truth categories: reduced, mildly reduced, normal, mildly reduced, reduced, normal.
  private static final double[] TARGETS = {40, 45, 50, 49.9, 30, 65};
  // Clean: R (right), N (wrong), N (right), R (wrong), M (wrong), N (right): 3 of 6 wrong.
  private static final double[] CLEAN = {40, 50, 50, 40, 40.5, 60};
  // Perturbed: M, M, N, R, R, N. Against clean: v1 R->M, v2 N->M, v5 M->R flip (3 of 6).
  // Against the truth: v1 (M vs R) and v4 (R vs M) wrong (2 of 6).
  private static final double[] SHIFTED = {40.01, 49.99, 50, 40, 39, 52};

  @Test
  void theBoundariesFortyAndFiftyBelongToReducedAndNormal() {
    assertThat(LvefCategory.of(40)).isEqualTo(LvefCategory.REDUCED);
    assertThat(LvefCategory.of(40.0001)).isEqualTo(LvefCategory.MILDLY_REDUCED);
    assertThat(LvefCategory.of(49.9999)).isEqualTo(LvefCategory.MILDLY_REDUCED);
    assertThat(LvefCategory.of(50)).isEqualTo(LvefCategory.NORMAL);
    assertThat(LvefCategory.of(-3)).isEqualTo(LvefCategory.REDUCED);
    assertThatThrownBy(() -> LvefCategory.of(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void flipRateAndCategoryErrorOfSixVideosByHand() {
    BootstrapSettings settings = BootstrapSettings.withSeed(11);
    List<Result> results = Evaluation.results(predictions(), "lvef",
        List.of(Metric.MAE, Metric.CATEGORY_ERROR, Metric.CATEGORY_FLIP), settings);

    assertThat(value(results, Condition.CLEAN, Metric.CATEGORY_ERROR)).isEqualTo(3.0 / 6);
    assertThat(value(results, Condition.CLEAN, Metric.CATEGORY_FLIP)).isZero();
    assertThat(value(results, PERTURBED, Metric.CATEGORY_ERROR)).isEqualTo(2.0 / 6);
    assertThat(value(results, PERTURBED, Metric.CATEGORY_FLIP)).isEqualTo(3.0 / 6);

    Result cleanFlip = find(results, Condition.CLEAN, Metric.CATEGORY_FLIP);
    assertThat(cleanFlip.ciLow()).isZero();
    assertThat(cleanFlip.ciHigh()).isZero();
    // The flip interval is the category disagreement of the perturbed with the clean
    // predictions, resampled with the dataset's one set of videos.
    ConfidenceInterval flip = new PairedBootstrap(VIDEOS, settings)
        .interval(Metric.CATEGORY_ERROR, CLEAN, SHIFTED);
    Result perturbedFlip = find(results, PERTURBED, Metric.CATEGORY_FLIP);
    assertThat(perturbedFlip.ciLow()).isEqualTo(flip.low());
    assertThat(perturbedFlip.ciHigh()).isEqualTo(flip.high());
    assertThat(perturbedFlip.ciLow()).isLessThan(0.5);
    assertThat(perturbedFlip.ciHigh()).isGreaterThan(0.5);
  }

  @Test
  void theFlipRateHasNoDegradationAndTheCategoryErrorHasOne() {
    List<SummaryRow> summary = Summary.of(Evaluation.results(predictions(), "lvef",
        List.of(Metric.CATEGORY_ERROR, Metric.CATEGORY_FLIP), BootstrapSettings.withSeed(1)));

    SummaryRow error = summary.get(0);
    assertThat(error.metric()).isEqualTo(Metric.CATEGORY_ERROR);
    assertThat(error.avgDegradation()).isEqualTo((2.0 / 6 - 3.0 / 6) / (3.0 / 6));
    SummaryRow flip = summary.get(1);
    assertThat(flip.metric()).isEqualTo(Metric.CATEGORY_FLIP);
    assertThat(flip.clean()).isZero();
    assertThat(flip.avgDegradation()).isNaN();
    assertThat(flip.worstDegradation()).isNaN();
    assertThat(flip.worstCondition()).isEmpty();
  }

  private static List<Prediction> predictions() {
    List<Prediction> rows = new ArrayList<>();
    for (int i = 0; i < VIDEOS.size(); i++) {
      rows.add(new Prediction("m/linear", "adult", Condition.CLEAN, VIDEOS.get(i), TARGETS[i],
          CLEAN[i]));
    }
    for (int i = 0; i < VIDEOS.size(); i++) {
      rows.add(new Prediction("m/linear", "adult", PERTURBED, VIDEOS.get(i), TARGETS[i],
          SHIFTED[i]));
    }
    return rows;
  }

  private static double value(List<Result> results, Condition condition, Metric metric) {
    return find(results, condition, metric).value();
  }

  private static Result find(List<Result> results, Condition condition, Metric metric) {
    return results.stream()
        .filter(r -> r.condition().equals(condition) && r.metric() == metric)
        .findFirst().orElseThrow();
  }
}
