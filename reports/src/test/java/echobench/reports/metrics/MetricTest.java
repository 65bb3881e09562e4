package echobench.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class MetricTest {
  // Regression: targets 60 40 55 30, predictions 58 45 55 36.
  // Errors −2 +5 0 +6; squared 4 25 0 36 (sum 65).
  // Target mean 46.25; squared deviations 189.0625 39.0625 76.5625 264.0625 (sum 568.75).
  private static final double[] TARGET = {60, 40, 55, 30};
  private static final double[] PREDICTION = {58, 45, 55, 36};

  @Test
  void meanAbsoluteError() {
    // (2 + 5 + 0 + 6) / 4 = 3.25
    assertThat(Metric.MAE.compute(TARGET, PREDICTION)).isCloseTo(3.25, within(1e-12));
  }

  @Test
  void rootMeanSquaredError() {
    // sqrt(65 / 4) = sqrt(16.25)
    assertThat(Metric.RMSE.compute(TARGET, PREDICTION))
        .isCloseTo(Math.sqrt(16.25), within(1e-12));
  }

  @Test
  void coefficientOfDetermination() {
    // 1 − 65 / 568.75 = 1 − 4/35 = 31/35
    assertThat(Metric.R2.compute(TARGET, PREDICTION)).isCloseTo(31.0 / 35, within(1e-12));
  }

  @Test
  void r2OfAConstantTargetIsUndefined() {
    assertThat(Metric.R2.compute(new double[] {50, 50}, new double[] {40, 60})).isNaN();
  }

  @Test
  void aurocForReducedEjectionFractionUsesMidRanksForTies() {
    // Positives (EF < 50): 40, 30, 45 predicted 48, 35, 58; negatives 60, 55 predicted 52, 48.
    // Ranks of −prediction {−52, −48, −48, −35, −58}: 2, 3.5, 3.5, 5, 1.
    // Positive rank sum 3.5 + 5 + 1 = 9.5; AUROC = (9.5 − 3·4/2) / (3·2) = 3.5 / 6.
    // Pairwise check: (48<52) 1, (48=48) ½, (35<52) 1, (35<48) 1, (58>52) 0, (58>48) 0 → 3.5/6.
    double[] target = {60, 40, 55, 30, 45};
    double[] prediction = {52, 48, 48, 35, 58};
    assertThat(Metric.AUROC_EF50.compute(target, prediction)).isCloseTo(3.5 / 6, within(1e-12));
  }

  @Test
  void aurocIsOneWhenEveryReducedEfIsPredictedLowerAndUndefinedWithOneClass() {
    assertThat(Metric.AUROC_EF50.compute(new double[] {30, 60}, new double[] {35, 65}))
        .isEqualTo(1.0);
    assertThat(Metric.AUROC_EF50.compute(new double[] {55, 60}, new double[] {35, 65})).isNaN();
  }

  // Classification: targets 0 0 0 1 1 2, predictions 0 0 1 1 2 2.
  private static final double[] CLASSES = {0, 0, 0, 1, 1, 2};
  private static final double[] PREDICTED = {0, 0, 1, 1, 2, 2};

  @Test
  void accuracy() {
    // correct at positions 1, 2, 4, 6: 4 / 6
    assertThat(Metric.ACCURACY.compute(CLASSES, PREDICTED)).isCloseTo(4.0 / 6, within(1e-12));
  }

  @Test
  void balancedAccuracy() {
    // recalls: class 0 2/3, class 1 1/2, class 2 1/1 → (2/3 + 1/2 + 1) / 3
    assertThat(Metric.BALANCED_ACCURACY.compute(CLASSES, PREDICTED))
        .isCloseTo((2.0 / 3 + 0.5 + 1) / 3, within(1e-12));
  }

  @Test
  void macroF1() {
    // F1 = 2TP/(2TP+FP+FN): class 0 4/5, class 1 2/4, class 2 2/3 → mean
    assertThat(Metric.MACRO_F1.compute(CLASSES, PREDICTED))
        .isCloseTo((0.8 + 0.5 + 2.0 / 3) / 3, within(1e-12));
  }

  // Class probabilities for CLASSES (targets 0 0 0 1 1 2), a fourth class (3) never a target:
  //   v1 .7 .2 .1 0 | v2 .5 .3 .2 0 | v3 .2 .6 .2 0 | v4 .3 .4 .3 0 | v5 .1 .3 .6 0 | v6 .2 .2 .6 0
  private static final double[][] SCORES = {
    {0.7, 0.2, 0.1, 0}, {0.5, 0.3, 0.2, 0}, {0.2, 0.6, 0.2, 0},
    {0.3, 0.4, 0.3, 0}, {0.1, 0.3, 0.6, 0}, {0.2, 0.2, 0.6, 0}
  };

  @Test
  void macroAurocAveragesTheOneVsRestAurocsOfThePresentClasses() {
    // Share of (positive, negative) pairs the positive's probability wins, a tie counting half.
    // class 0: positives .7 .5 .2 vs negatives .3 .1 .2: 3 + 3 + (0 + 1 + .5) = 7.5 of 9 = 5/6
    // class 1: positives .4 .3 vs negatives .2 .3 .6 .2: 3 + (1 + .5 + 0 + 1) = 5.5 of 8 = 11/16
    // class 2: positive .6 vs negatives .1 .2 .2 .3 .6: 4 + .5 = 4.5 of 5 = 9/10
    // class 3 is absent from the targets: skipped.
    assertThat(Metric.MACRO_AUROC.compute(new Scored(CLASSES, PREDICTED, SCORES)))
        .isCloseTo((5.0 / 6 + 11.0 / 16 + 9.0 / 10) / 3, within(1e-12));
  }

  @Test
  void macroAurocIsUndefinedWithOneClassAndNeedsTheProbabilities() {
    double[] one = {1, 1};
    assertThat(Metric.MACRO_AUROC.compute(
        new Scored(one, one, new double[][] {{0.2, 0.8}, {0.6, 0.4}}))).isNaN();
    assertThatThrownBy(() -> Metric.MACRO_AUROC.compute(CLASSES, PREDICTED))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("class probabilities");
    assertThat(Metric.MACRO_AUROC.taskKind()).isEqualTo(Metric.TaskKind.CLASSIFICATION);
    assertThat(Metric.MACRO_AUROC.sense()).isEqualTo(Metric.Sense.SCORE);
  }

  @Test
  void classificationRejectsFractionalClassIndices() {
    assertThatThrownBy(() -> Metric.ACCURACY.compute(new double[] {0, 1}, new double[] {0, 0.5}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.5");
  }

  @Test
  void sensesAndNames() {
    assertThat(Metric.MAE.isError()).isTrue();
    assertThat(Metric.RMSE.isError()).isTrue();
    assertThat(Metric.R2.isError()).isFalse();
    assertThat(Metric.MACRO_F1.sense()).isEqualTo(Metric.Sense.SCORE);
    assertThat(Metric.parse("auroc_ef50")).isEqualTo(Metric.AUROC_EF50);
    assertThatThrownBy(() -> Metric.parse("mse")).hasMessageContaining("known: mae");
    assertThatThrownBy(() -> Metric.MAE.compute(new double[] {1}, new double[] {1, 2}))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
